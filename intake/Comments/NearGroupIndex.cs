using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Site.Intake.Comments;

/// <summary>
/// Near-duplicate groups of one draft's comments, built one text at a time and kept: stats read only
/// the comments stored since the last request and add them here, instead of grouping every comment
/// again. Not thread-safe; one caller at a time (<see cref="Storage.DraftTallies"/>).
/// <para>
/// The groups are those of <see cref="CommentGroups"/>: the connected components of the graph whose
/// edges join two distinct texts that share a MinHash band and whose shingle sets have a Jaccard
/// similarity of at least <see cref="CommentGroups.Threshold"/>. Components do not depend on the
/// order texts arrive in, and adding a text only ever merges components, which is why they can be
/// kept. Within a band bucket, texts already in one component are kept together as a cluster: a new
/// text is compared with a cluster's members only until one is similar enough (the union joins it
/// to all of them), and not at all with a cluster of its own component. Grouping every text against
/// every earlier text in its buckets, as before, was quadratic when many texts are alike (a
/// campaign letter signed with different names shares every bucket).
/// </para>
/// <para>
/// Bounded: a cluster keeps at most <see cref="MembersKept"/> members per bucket, and the shingles of
/// a text no bucket keeps are let go. A text that matches none of a full cluster's kept members might
/// have matched one that was not kept; then <see cref="Approximate"/> is set, and the groups may be
/// more than an exact grouping would give (never fewer: no pair below the threshold is ever joined).
/// While it is false the groups are exactly those of the pairwise definition above.
/// </para>
/// </summary>
public sealed class NearGroupIndex
{
    /// <summary>Members a cluster keeps per band bucket before it stops adding (and <see cref="Approximate"/> may turn true).</summary>
    public const int MembersKept = 64;

    private readonly Dictionary<UInt128, int> _nodes = [];
    private readonly Dictionary<(int Band, ulong Hash), int> _buckets = [];
    private readonly List<List<Cluster>> _shared = [];
    private int[] _parent = new int[64];
    private long[] _size = new long[64];
    private ulong[]?[] _shingles = new ulong[64][];
    private byte[] _kept = new byte[64];

    /// <summary>Distinct texts (exact keys) seen.</summary>
    public int Texts { get; private set; }

    /// <summary>Comments counted with <see cref="AddTexts"/>.</summary>
    public long Comments { get; private set; }

    /// <summary>Groups: distinct opinions, a text with no near duplicate being a group of one.</summary>
    public long Groups { get; private set; }

    /// <summary>Comments in a group of two or more.</summary>
    public long Duplicated { get; private set; }

    /// <summary>True once a pair might have been missed (see the class remarks): the groups are then an estimate from above.</summary>
    public bool Approximate { get; private set; }

    /// <summary>The 128-bit value of an exact key (<see cref="CommentGroups.Key"/>, 32 hex digits); any other string is hashed to one.</summary>
    public static UInt128 Id(string key) =>
        key.Length == 32 && UInt128.TryParse(key, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var id)
            ? id
            : BitConverter.ToUInt128(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    /// <summary>
    /// Counts one comment per entry (its exact key and text), adding each text not seen before to the
    /// groups; the text of a key already seen is not read (every text with one key has one normalised
    /// form). Returns each entry's node, for <see cref="Find"/>.
    /// </summary>
    public int[] AddTexts(IReadOnlyList<(UInt128 Key, string Text)> comments)
    {
        // New texts are sketched in parallel (the costly part), then joined in order.
        var fresh = new List<(UInt128 Key, string Text)>();
        var pending = new HashSet<UInt128>();
        foreach (var (key, text) in comments)
        {
            if (!_nodes.ContainsKey(key) && pending.Add(key))
            {
                fresh.Add((key, text));
            }
        }

        // A slice at a time, so a draft's first count holds a slice's sketches, not all of them.
        var sketches = new CommentGroups.Sketch[Math.Min(fresh.Count, SketchSlice)];
        for (var start = 0; start < fresh.Count; start += SketchSlice)
        {
            var count = Math.Min(SketchSlice, fresh.Count - start);
            Parallel.For(0, count, i => sketches[i] = CommentGroups.Sketch.Of(CommentGroups.Normalize(fresh[start + i].Text)));
            for (var i = 0; i < count; i++)
            {
                _nodes[fresh[start + i].Key] = Insert(sketches[i]);
            }
        }

        var nodes = new int[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            nodes[i] = _nodes[comments[i].Key];
            var root = Find(nodes[i]);
            Duplicated -= Duplicates(_size[root]);
            _size[root]++;
            Duplicated += Duplicates(_size[root]);
            Comments++;
        }

        return nodes;
    }

    /// <summary>The node standing for <paramref name="node"/>'s whole group.</summary>
    public int Find(int node)
    {
        while (_parent[node] != node)
        {
            _parent[node] = _parent[_parent[node]];
            node = _parent[node];
        }

        return node;
    }

    private const int SketchSlice = 8192;

    private static long Duplicates(long size) => size > 1 ? size : 0;

    private int Insert(CommentGroups.Sketch sketch)
    {
        var node = Texts++;
        if (node == _parent.Length)
        {
            Array.Resize(ref _parent, node * 2);
            Array.Resize(ref _size, node * 2);
            Array.Resize(ref _shingles, node * 2);
            Array.Resize(ref _kept, node * 2);
        }

        _parent[node] = node;
        _shingles[node] = sketch.Shingles;
        Groups++;
        for (var band = 0; band < CommentGroups.Bands; band++)
        {
            var bucket = (band, sketch.Band(band));
            if (!_buckets.TryGetValue(bucket, out var slot))
            {
                // Most buckets hold one text: a plain node number, no list.
                _buckets[bucket] = node;
                _kept[node]++;
                continue;
            }

            List<Cluster> clusters;
            if (slot >= 0)
            {
                clusters = [new Cluster(slot)];
                _shared.Add(clusters);
                _buckets[bucket] = ~(_shared.Count - 1);
            }
            else
            {
                clusters = _shared[~slot];
            }

            Join(node, clusters);
        }

        if (_kept[node] == 0)
        {
            _shingles[node] = null;
        }

        return node;
    }

    /// <summary>Joins <paramref name="node"/> to every cluster of its bucket it is similar to, and keeps it in the bucket.</summary>
    private void Join(int node, List<Cluster> clusters)
    {
        Cluster? mine = null;
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            var joined = Find(cluster.Members[0]) == Find(node);
            if (!joined)
            {
                foreach (var member in cluster.Members)
                {
                    if (CommentGroups.Jaccard(_shingles[node]!, _shingles[member]!) >= CommentGroups.Threshold)
                    {
                        Union(node, member);
                        joined = true;
                        break;
                    }
                }

                Approximate |= !joined && cluster.Dropped;
            }

            if (!joined)
            {
                continue;
            }

            if (mine is null)
            {
                mine = cluster;
                continue;
            }

            // Two clusters of one component now: one cluster.
            foreach (var member in cluster.Members)
            {
                if (mine.Members.Count < MembersKept)
                {
                    mine.Members.Add(member);
                }
                else
                {
                    Drop(member);
                    mine.Dropped = true;
                }
            }

            mine.Dropped |= cluster.Dropped;
            clusters[c] = clusters[^1];
            clusters.RemoveAt(clusters.Count - 1);
            c--;
        }

        if (mine is null)
        {
            clusters.Add(new Cluster(node));
            _kept[node]++;
        }
        else if (mine.Members.Count < MembersKept)
        {
            mine.Members.Add(node);
            _kept[node]++;
        }
        else
        {
            mine.Dropped = true;
        }
    }

    private void Drop(int member)
    {
        if (--_kept[member] == 0)
        {
            _shingles[member] = null;
        }
    }

    private void Union(int a, int b)
    {
        var (ra, rb) = (Find(a), Find(b));
        if (ra == rb)
        {
            return;
        }

        Duplicated -= Duplicates(_size[ra]) + Duplicates(_size[rb]);
        _parent[rb] = ra;
        _size[ra] += _size[rb];
        Duplicated += Duplicates(_size[ra]);
        Groups--;
    }

    /// <summary>Texts of one component that share one bucket.</summary>
    private sealed class Cluster(int first)
    {
        public List<int> Members { get; } = [first];

        /// <summary>Some member was not kept.</summary>
        public bool Dropped { get; set; }
    }
}
