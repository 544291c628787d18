using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using System.Text;
using Site.Search;

namespace Site.Intake.Comments;

/// <summary>
/// Comments that say the same thing, grouped: a copy-paste campaign, a second click after a typo fix,
/// the same text with full-width or half-width punctuation, spacing pasted from Word, traditional
/// characters. Grouping never drops a comment: it only says which comments are one opinion, so the
/// public count of distinct opinions (<c>groups</c>) can stand beside the raw count.
/// <para>
/// Two steps. Exact: <see cref="Key"/> is a hash of <see cref="Normalize">the normalised text</see>
/// (NFKC, traditional folded to simplified, lower case, letters and digits only), so texts that differ
/// only in width, case, spacing, punctuation or script have one key. It is stored with each comment at
/// write time (column <c>text_key</c>): stats then count exact groups in SQL, and near-duplicate
/// grouping compares one text per key instead of every copy of a campaign letter.
/// </para>
/// <para>
/// Near: the normalised texts' character 3-gram sets (shingles) are compared by Jaccard similarity
/// |A ∩ B| / |A ∪ B|; two texts at or above <see cref="Threshold"/> are one group, and groups are
/// closed under that relation (union–find). Candidates come from MinHash (Broder 1997, "On the
/// resemblance and containment of documents"; <see cref="Hashes"/> hashes in <see cref="Bands"/>
/// bands of <see cref="Rows"/>, Leskovec, Rajaraman and Ullman, Mining of Massive Datasets ch. 3):
/// a pair at Jaccard 0.5 shares a band with probability 1 − (1 − 0.5⁴)³² ≈ 0.87, one at 0.6 ≈ 0.99, one
/// at 0.2 ≈ 0.05. Every candidate is then checked with the exact Jaccard, so no pair below the
/// threshold is ever grouped. Near grouping is never stored in the database: a new comment can join
/// two earlier groups, which would make a stored group id stale. Stats keep it in memory per draft
/// and add new comments to it (<see cref="NearGroupIndex"/>); the export groups its rows afresh.
/// </para>
/// <para>
/// The threshold was measured on <c>tests/Site.Intake.Tests/TestData/near-duplicates.txt</c> (22
/// opinions on one draft written as citizens write them, many on the same article in the article's
/// own words, 19 pairs of re-sent copies: a typo fixed, a sentence or a signature added, a figure
/// rewritten, line breaks, traditional characters): with 3-grams the lowest copy pair is at 0.667 and
/// the highest pair of different opinions at 0.119 (<c>CommentGroupsTests</c> prints both and checks the
/// data against the threshold). 0.5 lies in that gap, nearer the copies: a campaign letter to which a
/// person adds a paragraph of their own as long as the letter falls below it and counts as their own
/// opinion, which is what the office wants to read.
/// </para>
/// </summary>
public static class CommentGroups
{
    /// <summary>Jaccard similarity of 3-gram sets at or above which two comments are one opinion.</summary>
    public const double Threshold = 0.5;

    /// <summary>Characters per shingle.</summary>
    public const int ShingleLength = 3;

    public const int Bands = 32;

    public const int Rows = 4;

    public const int Hashes = Bands * Rows;

    /// <summary>
    /// What grouping compares: the text in compatibility form (full-width Ａ１，→ A1,), traditional
    /// characters folded to simplified (<see cref="SimplifiedFolding"/>), lower case, and only letters
    /// and digits kept (whitespace, punctuation, symbols, emoji and invisible characters dropped).
    /// A text with no letter or digit at all keeps its NFKC form, so "？？？" and "！！！" stay apart.
    /// </summary>
    public static string Normalize(string text)
    {
        var compatible = text.Normalize(NormalizationForm.FormKC);
        var kept = new StringBuilder(compatible.Length);
        foreach (var rune in compatible.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsLetterOrDigit(rune) || category == UnicodeCategory.LetterNumber || category == UnicodeCategory.OtherNumber)
            {
                var lower = Rune.ToLowerInvariant(rune);
                if (lower.IsBmp)
                {
                    kept.Append(SimplifiedFolding.Fold((char)lower.Value));
                }
                else
                {
                    kept.Append(lower.ToString());
                }
            }
        }

        return kept.Length > 0 ? kept.ToString() : compatible;
    }

    /// <summary>The exact fingerprint: 32 hex digits of SHA-256 over <see cref="Normalize"/>'s UTF-8.</summary>
    public static string Key(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Normalize(text))))[..32];

    /// <summary>Jaccard similarity of two texts' shingle sets (after <see cref="Normalize"/>), 0–1.</summary>
    public static double Similarity(string a, string b) => Jaccard(Sketch.Of(Normalize(a)).Shingles, Sketch.Of(Normalize(b)).Shingles);

    /// <summary>
    /// Groups of near-identical texts. <paramref name="texts"/>: one entry per exact key (the key and
    /// one text having it). Returns, for each key, the key of its group's representative (the first
    /// in input order); a text with no near duplicate is its own representative.
    /// </summary>
    public static IReadOnlyDictionary<string, string> Near(IReadOnlyList<(string Key, string Text)> texts)
    {
        var index = new NearGroupIndex();
        var nodes = index.AddTexts(texts.Select(t => (NearGroupIndex.Id(t.Key), t.Text)).ToList());
        var first = new Dictionary<int, string>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < texts.Count; i++)
        {
            var root = index.Find(nodes[i]);
            if (!first.TryGetValue(root, out var representative))
            {
                first[root] = representative = texts[i].Key;
            }

            result[texts[i].Key] = representative;
        }

        return result;
    }

    /// <summary>
    /// Assigns every comment to a group: <paramref name="comments"/> in their order (oldest first), each
    /// with its exact key. Returns one group number per comment (1, 2, … in order of each group's
    /// first comment) and each group's size.
    /// </summary>
    public static (int[] Group, IReadOnlyList<int> Sizes) Assign(IReadOnlyList<(string Key, string Text)> comments)
    {
        var index = new NearGroupIndex();
        var nodes = index.AddTexts(comments.Select(c => (NearGroupIndex.Id(c.Key), c.Text)).ToList());
        var numbers = new Dictionary<int, int>();
        var sizes = new List<int>();
        var groups = new int[comments.Count];
        for (var i = 0; i < comments.Count; i++)
        {
            var root = index.Find(nodes[i]);
            if (!numbers.TryGetValue(root, out var number))
            {
                numbers[root] = number = numbers.Count + 1;
                sizes.Add(0);
            }

            groups[i] = number;
            sizes[number - 1]++;
        }

        return (groups, sizes);
    }

    internal static double Jaccard(ulong[] a, ulong[] b)
    {
        // Both sorted and distinct.
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        var union = a.Length + b.Length - common;
        return union == 0 ? 1 : (double)common / union;
    }

    /// <summary>
    /// A normalised text's shingle hashes (sorted, distinct) and the hashes of its MinHash signature's
    /// <see cref="Bands"/> bands (the signature itself is not kept: only its bands are compared).
    /// </summary>
    internal sealed class Sketch(ulong[] shingles, ulong[] bands)
    {
        public ulong[] Shingles => shingles;

        public ulong Band(int band) => bands[band];

        public static Sketch Of(string normalized)
        {
            // Text element (grapheme) boundaries: a shingle is 3 elements, so an emoji with its
            // modifier or a letter with its combining mark is one character of a shingle.
            var starts = new List<int>(normalized.Length + 1);
            for (var at = 0; at < normalized.Length; at += StringInfo.GetNextTextElementLength(normalized.AsSpan(at)))
            {
                starts.Add(at);
            }

            var elements = starts.Count;
            starts.Add(normalized.Length);
            ulong[] hashes;
            if (elements <= ShingleLength)
            {
                hashes = [Fnv(normalized)];
            }
            else
            {
                hashes = new ulong[elements - ShingleLength + 1];
                for (var i = 0; i < hashes.Length; i++)
                {
                    hashes[i] = Fnv(normalized.AsSpan(starts[i], starts[i + ShingleLength] - starts[i]));
                }
            }

            // Sorted and distinct (a shingle that recurs counts once).
            Array.Sort(hashes);
            var distinct = hashes.Length == 0 ? 0 : 1;
            for (var i = 1; i < hashes.Length; i++)
            {
                if (hashes[i] != hashes[distinct - 1])
                {
                    hashes[distinct++] = hashes[i];
                }
            }

            var shingles = distinct == hashes.Length ? hashes : hashes[..distinct];
            Span<ulong> signature = stackalloc ulong[Hashes];
            signature.Fill(ulong.MaxValue);
            if (Vector512.IsHardwareAccelerated && Avx512DQ.IsSupported)
            {
                // The same values, eight hashes at a time (most of the time grouping takes is here).
                var seeds = MemoryMarshal.Cast<ulong, Vector512<ulong>>(Seeds.AsSpan());
                var mins = MemoryMarshal.Cast<ulong, Vector512<ulong>>(signature);
                foreach (var shingle in shingles)
                {
                    var value = Vector512.Create(shingle);
                    for (var v = 0; v < mins.Length; v++)
                    {
                        mins[v] = Vector512.Min(mins[v], Mix(value ^ seeds[v]));
                    }
                }
            }
            else
            {
                foreach (var shingle in shingles)
                {
                    for (var h = 0; h < Hashes; h++)
                    {
                        var value = Mix(shingle ^ Seeds[h]);
                        if (value < signature[h])
                        {
                            signature[h] = value;
                        }
                    }
                }
            }

            var bands = new ulong[Bands];
            for (var band = 0; band < Bands; band++)
            {
                var hash = 14695981039346656037UL;
                for (var r = 0; r < Rows; r++)
                {
                    hash = (hash ^ signature[band * Rows + r]) * 1099511628211UL;
                }

                bands[band] = hash;
            }

            return new Sketch(shingles, bands);
        }

        /// <summary>Fixed seeds, so groups are the same on every instance and every run.</summary>
        private static readonly ulong[] Seeds = Enumerable.Range(1, Hashes).Select(i => Mix((ulong)i * 0x9E3779B97F4A7C15UL)).ToArray();

        /// <summary>SplitMix64's finaliser (Steele, Lea and Flood 2014): a well-mixed 64-bit permutation.</summary>
        private static ulong Mix(ulong z)
        {
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }

        private static Vector512<ulong> Mix(Vector512<ulong> z)
        {
            z = (z ^ Vector512.ShiftRightLogical(z, 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ Vector512.ShiftRightLogical(z, 27)) * 0x94D049BB133111EBUL;
            return z ^ Vector512.ShiftRightLogical(z, 31);
        }

        /// <summary>FNV-1a over UTF-16 units.</summary>
        private static ulong Fnv(ReadOnlySpan<char> s)
        {
            var hash = 14695981039346656037UL;
            foreach (var c in s)
            {
                hash = (hash ^ c) * 1099511628211UL;
            }

            return hash;
        }
    }
}
