using System.Globalization;
using System.Runtime.InteropServices;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Miscellaneous;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;
using Site.Search.Replacements;

namespace Site.Search;

/// <summary>
/// Writes an index into an empty folder (the build swaps the folder in afterwards): from scratch, or as
/// an update of the previous build's index when only some documents changed.
/// </summary>
public static class SearchIndexWriter
{
    /// <param name="folder">An empty folder, or one to create.</param>
    /// <param name="documents">Every document of the index, each URL once.</param>
    /// <param name="ramBufferMb">Megabytes of postings each indexing thread buffers per flush (Lucene's RAMBufferSizeMB of its writer).</param>
    /// <param name="oneSegment">
    /// Merge what was flushed into one segment (Lucene's ForceMerge) once the index holds
    /// <paramref name="mergeFrom"/> documents or more and the buffer was flushed more often than there
    /// are indexing threads. Such an index is written once and then read by every search: each segment
    /// costs every term of every query one more terms-dictionary lookup, whose allocations brought
    /// garbage collections, and their pauses, into the slowest searches. A smaller index keeps its
    /// segments: there the merge cost the build more than its queries gained (BENCHMARKS.md). False
    /// keeps every flushed segment, unmerged (for tests of several segments).
    /// </param>
    /// <param name="mergeFrom">Documents from which the index is merged (<see cref="MergeFromDocuments"/> by default).</param>
    /// <summary>
    /// An index larger than a county's or a city's site (50,000 stories make about 52,000 documents,
    /// whose build the merge slowed more than their queries gained), where per-query costs dominate.
    /// </summary>
    public const int MergeFromDocuments = 100_000;

    public static void Write(string folder, IEnumerable<SearchDocument> documents, double ramBufferMb = 48, bool oneSegment = true, int mergeFrom = MergeFromDocuments)
    {
        System.IO.Directory.CreateDirectory(folder);
        var parts = new PartIndex?[Environment.ProcessorCount];
        try
        {
            // Each indexing thread writes its own part and flushes it itself (see PartIndex).
            ForEachDocument(documents, parts.Length,
                (worker, document, fields) => (parts[worker] ??= new PartIndex(Path.Combine(folder, PartFolder + worker.ToString(CultureInfo.InvariantCulture)), ramBufferMb, oneSegment)).Writer.AddDocument(fields),
                worker => parts[worker]?.Commit());

            using var directory = new BuildIndexDirectory(FSDirectory.Open(folder));
            using var analyzer = ChineseAnalyzer.ForIndex();
            var config = Config(analyzer, OpenMode.CREATE);
            if (!oneSegment)
            {
                config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
            }

            using var writer = new IndexWriter(directory, config);
            writer.AddIndexes(parts.OfType<PartIndex>().Select(part => part.Directory).ToArray());
            writer.Commit();

            // Each indexing thread flushes one last segment anyway: those few are never worth a merge.
            if (oneSegment && writer.MaxDoc >= mergeFrom && Segments(directory) > Environment.ProcessorCount)
            {
                // Document numbers may change with the merge; hits never depend on them (ties go by URL).
                writer.ForceMerge(1);
                writer.Commit();
            }
        }
        finally
        {
            foreach (var part in parts)
            {
                part?.Dispose();
            }
        }
    }

    private const string PartFolder = "part";

    /// <summary>
    /// One indexing thread's part of the index, in a folder inside the index's own, with an
    /// IndexWriter of its own. With one writer for all threads, the last segment of each thread was
    /// flushed at the commit, one after another on the committing thread, while the other cores had
    /// nothing left to do; a writer per thread flushes its last segment on its own thread, beside the
    /// others. The parts' segments are then added to the index as they are (IndexWriter.AddIndexes):
    /// their files are moved, not copied (<see cref="PartDirectory"/>), and the part folders removed.
    /// </summary>
    private sealed class PartIndex : IDisposable
    {
        private readonly string _folder;
        private readonly ChineseAnalyzer _analyzer = ChineseAnalyzer.ForIndex();
        private bool _committed;

        public PartIndex(string folder, double ramBufferMb, bool oneSegment)
        {
            _folder = folder;
            System.IO.Directory.CreateDirectory(folder);
            Directory = new PartDirectory(FSDirectory.Open(folder));
            var config = Config(_analyzer, OpenMode.CREATE);
            config.RAMBufferSizeMB = ramBufferMb;
            if (!oneSegment)
            {
                config.MergePolicy = NoMergePolicy.NO_COMPOUND_FILES;
            }

            Writer = new IndexWriter(Directory, config);
        }

        public PartDirectory Directory { get; }

        public IndexWriter Writer { get; }

        /// <summary>Flushes what the thread buffered (on the thread that calls it) and closes the writer.</summary>
        public void Commit()
        {
            Writer.Dispose();
            _committed = true;
        }

        public void Dispose()
        {
            if (!_committed)
            {
                Writer.Rollback();
            }

            Directory.Dispose();
            _analyzer.Dispose();
            System.IO.Directory.Delete(_folder, recursive: true);
        }
    }

    private static int Segments(Lucene.Net.Store.Directory directory)
    {
        var infos = new SegmentInfos();
        infos.Read(directory);
        return infos.Count;
    }

    /// <summary>
    /// Writes into <paramref name="folder"/> the index at <paramref name="previousFolder"/> with
    /// <paramref name="changed"/> documents replaced or added (by URL) and <paramref name="removedUrls"/>
    /// deleted. Lucene writes every segment file once and never changes it afterwards, so the previous
    /// files are hard-linked, not copied; the previous folder stays a valid index of the previous build.
    /// </summary>
    public static void Update(string folder, string previousFolder, IReadOnlyCollection<SearchDocument> changed, IReadOnlyCollection<string> removedUrls)
    {
        System.IO.Directory.CreateDirectory(folder);
        foreach (var file in System.IO.Directory.EnumerateFiles(previousFolder))
        {
            var name = Path.GetFileName(file);
            var target = Path.Combine(folder, name);
            if (name == IndexWriter.WRITE_LOCK_NAME)
            {
                continue;
            }

            // segments.gen is the one file Lucene 4 rewrites in place: copy it, link the rest.
            if (name == IndexFileNames.SEGMENTS_GEN || !HardLink.TryCreate(file, target))
            {
                File.Copy(file, target);
            }
        }

        using var directory = new BuildIndexDirectory(FSDirectory.Open(folder));
        using var analyzer = ChineseAnalyzer.ForIndex();
        using var writer = new IndexWriter(directory, Config(analyzer, OpenMode.APPEND));
        foreach (var url in removedUrls)
        {
            writer.DeleteDocuments(new Term(SearchFields.Url, url));
        }

        ForEachDocument(changed, Environment.ProcessorCount, (_, document, fields) => writer.UpdateDocument(new Term(SearchFields.Url, document.Url), fields));
        writer.Commit();
    }

    /// <summary>
    /// Segments are written with <see cref="SearchCodec"/> and never packed into compound files: a
    /// compound file is a second copy of every segment, which a large build paid for in processor time,
    /// to save file handles an index of a few dozen segments does not run short of.
    /// </summary>
    private static IndexWriterConfig Config(ChineseAnalyzer analyzer, OpenMode mode) => new(ChineseAnalyzer.Version, WithWords(analyzer))
    {
        Similarity = SearchSimilarity.Instance,
        OpenMode = mode,
        Codec = SearchCodec.Registered,
        UseCompoundFile = false,
        MergePolicy = new TieredMergePolicy { NoCFSRatio = 0 },
    };

    /// <summary>
    /// Whether documents get the SmartCn word fields (true, the site's index). False leaves them out, so
    /// the index ranks by bigrams alone (as <see cref="SearchIndex.Open(string, bool)"/> with
    /// rankByWords false) and the segmenter never loads: for benchmarks measuring what the word fields cost.
    /// </summary>
    public static bool WordFields { get; set; } = true;

    /// <summary>
    /// The bigram analyzer for every field but the word fields, which SmartCn segments; its dictionaries
    /// load with the first document that has words (<see cref="ChineseWordAnalyzer"/>), not before.
    /// </summary>
    private static Analyzer WithWords(ChineseAnalyzer analyzer)
    {
        return new PerFieldAnalyzerWrapper(analyzer, new Dictionary<string, Analyzer>
        {
            [SearchFields.TitleWords] = ChineseWordAnalyzer.Shared,
            [SearchFields.Words] = ChineseWordAnalyzer.Shared,
        });
    }

    /// <summary>
    /// Hands each document, as Lucene fields, to <paramref name="write"/> with the number of the
    /// indexing thread (0 to <paramref name="workers"/> - 1), from every core at once: inverting their
    /// tokens is most of the cost. Each thread takes <see cref="WordBatch"/> documents at a time, as it
    /// asks (a thread handed several batches at once could be left working alone at the end), and calls
    /// <paramref name="done"/> on its own thread once no batch is left. Word fields are segmented a batch
    /// before the batch is inverted (<see cref="SegmentedWords"/>); with <see cref="LibraryPaths"/> on,
    /// each word field is segmented by Lucene's inverter as it reaches the field, as the library's own
    /// design has it.
    /// </summary>
    private static void ForEachDocument(IEnumerable<SearchDocument> documents, int workers, Action<int, SearchDocument, List<IIndexableField>> write, Action<int>? done = null)
    {
        var ahead = WordFields && (SegmentWordsAhead ?? !LibraryPaths.Enabled);
        using var batches = documents.Chunk(WordBatch).GetEnumerator();
        var failed = false;
        SearchDocument[]? Next()
        {
            lock (batches)
            {
                return !Volatile.Read(ref failed) && batches.MoveNext() ? batches.Current : null;
            }
        }

        Parallel.For(0, workers, new ParallelOptions { MaxDegreeOfParallelism = workers }, worker =>
        {
            try
            {
                var fields = new LuceneFields();
                while (Next() is { } batch)
                {
                    if (ahead)
                    {
                        fields.SegmentWords(batch);
                    }

                    for (var i = 0; i < batch.Length; i++)
                    {
                        write(worker, batch[i], ahead ? fields.Fill(batch[i], i) : fields.Fill(batch[i]));
                    }
                }

                done?.Invoke(worker);
            }
            catch
            {
                // The other threads stop at their next batch.
                Volatile.Write(ref failed, true);
                throw;
            }
        });
    }

    /// <summary>
    /// Documents whose word fields are segmented together before they are inverted: enough that each
    /// phase's tables stay in the cache for a while, few enough that the two cores share out a small
    /// site's documents evenly. Settable for benchmarks.
    /// </summary>
    internal static int WordBatch { get; set; } = 64;

    /// <summary>
    /// Whether word fields are segmented a batch ahead (true, <see cref="SegmentedWords"/>) or by the
    /// inverter as it reaches each field (false). Null, the default: ahead, unless
    /// <see cref="LibraryPaths"/> is on. For tests comparing both ways.
    /// </summary>
    internal static bool? SegmentWordsAhead { get; set; }

    /// <summary>
    /// One thread's Lucene fields, filled anew for each document, as Lucene's own guidance has it. A
    /// new field per document meant a new token stream for each untokenized one (URL, type, region,
    /// year, level), and each of those looks its attributes up under one lock in Lucene's attribute
    /// factory, and the index step of a large roster allocated far more.
    /// </summary>
    public sealed class LuceneFields
    {
        /// <summary>
        /// The body's words rank by frequency alone (terms, never phrases: <see cref="ChineseQuery"/>),
        /// so their positions are not written.
        /// </summary>
        private static readonly FieldType WordsType = new(TextField.TYPE_NOT_STORED) { IndexOptions = IndexOptions.DOCS_AND_FREQS };

        private readonly StringField _url = new(SearchFields.Url, "", Field.Store.YES);
        private readonly SortedDocValuesField _urlValue = new(SearchFields.Url, new BytesRef());
        private readonly SortedDocValuesField _urlOrderValue = new(SearchFields.UrlOrder, new BytesRef());
        private readonly TextField _title = new(SearchFields.Title, "", Field.Store.YES);
        private readonly StringField _titleExact = new(SearchFields.TitleExact, "", Field.Store.NO);
        private readonly TextField _body = new(SearchFields.Body, "", Field.Store.YES);
        private readonly TextField _titleWords = new(SearchFields.TitleWords, "", Field.Store.NO);
        private readonly Field _words = new(SearchFields.Words, "", WordsType);
        private readonly StringField _type = new(SearchFields.Type, "", Field.Store.YES);
        private readonly SortedDocValuesField _typeValue = new(SearchFields.Type, new BytesRef());
        private readonly TextField _keywords = new(SearchFields.Keywords, "", Field.Store.YES);
        private readonly StringField _region = new(SearchFields.Region, "", Field.Store.YES);
        private readonly SortedDocValuesField _regionValue = new(SearchFields.Region, new BytesRef());
        private readonly StoredField _levelStored = new(SearchFields.Level, "");
        private readonly List<StringField> _levels = [];
        private readonly StringField _year = new(SearchFields.Year, "", Field.Store.NO);
        private readonly SortedDocValuesField _yearValue = new(SearchFields.Year, new BytesRef());
        private readonly StoredField _date = new(SearchFields.Date, "");
        private readonly List<IIndexableField> _fields = new(20);

        // The word fields played back from a batch segmented ahead (SegmentWords).
        private readonly SegmentedWords _segmented = new();
        private readonly RecordedTokenStream _titleWordsTokens = new();
        private readonly RecordedTokenStream _wordsTokens = new();
        private Field? _titleWordsPlayed;
        private Field? _wordsPlayed;

        /// <summary>The document's fields, every one analysed by Lucene as it inverts it; valid until the next call.</summary>
        public List<IIndexableField> Fill(SearchDocument d) => Fill(d, -1);

        /// <summary>Segments the word fields of a batch, for <see cref="Fill(SearchDocument, int)"/>.</summary>
        internal void SegmentWords(IReadOnlyList<SearchDocument> batch)
        {
            _segmented.Segment(batch);
            _titleWordsPlayed ??= new Field(SearchFields.TitleWords, _titleWordsTokens, TextField.TYPE_NOT_STORED);
            _wordsPlayed ??= new Field(SearchFields.Words, _wordsTokens, WordsType);
        }

        /// <summary>
        /// The fields of document <paramref name="inBatch"/> of the batch last segmented, its word fields
        /// played back from there; -1: a document whose word fields Lucene analyses.
        /// </summary>
        internal List<IIndexableField> Fill(SearchDocument d, int inBatch)
        {
            _fields.Clear();
            Add(_url, d.Url);
            Add(_urlValue, d.Url);
            Add(_urlOrderValue, SearchOrder.Natural(d.Url));
            Add(_title, d.Title);
            Add(_titleExact, ChineseQuery.ExactTitle(d.Title));
            Add(_body, d.Body);
            if (WordFields && inBatch >= 0)
            {
                _segmented.PlayTitleWords(_titleWordsTokens, inBatch);
                _fields.Add(_titleWordsPlayed!);
                _segmented.PlayWords(_wordsTokens, inBatch);
                _fields.Add(_wordsPlayed!);
            }
            else if (WordFields)
            {
                Add(_titleWords, d.Title);
                Add(_words, ChineseWordAnalyzer.Lead(d.Body));
            }

            Add(_type, d.Type);
            Add(_typeValue, d.Type);
            if (!string.IsNullOrEmpty(d.Keywords))
            {
                Add(_keywords, d.Keywords);
            }

            if (!string.IsNullOrEmpty(d.Region))
            {
                Add(_region, d.Region);
                Add(_regionValue, d.Region);
            }

            if (!string.IsNullOrEmpty(d.Level))
            {
                Add(_levelStored, d.Level);
                var i = 0;
                foreach (var level in d.Level.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (i == _levels.Count)
                    {
                        _levels.Add(new StringField(SearchFields.Level, "", Field.Store.NO));
                    }

                    Add(_levels[i++], level);
                }
            }

            if (d.Date is { } date)
            {
                var year = date.Year.ToString(CultureInfo.InvariantCulture);
                Add(_year, year);
                Add(_yearValue, year);
                Add(_date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            }

            return _fields;
        }

        private void Add(Field field, string value)
        {
            field.SetStringValue(value);
            _fields.Add(field);
        }

        private void Add(SortedDocValuesField field, string value)
        {
            field.SetBytesValue(new BytesRef(value));
            _fields.Add(field);
        }
    }
}

/// <summary>
/// The index folder as a build writes it: Lucene's own files, without fsync at commit. The build
/// writes the index into a staging folder and swaps it in like every page it writes, none of which
/// is fsynced, and after a power cut the next build writes them all again; Lucene's fsync at each
/// commit was most of a `serve` rebuild's index step, spent waiting for the disk. Each file is
/// written by <see cref="FileIndexOutput"/> (Replacements/Lucene/), or with <see cref="LibraryPaths"/>
/// on by FSDirectory's own output.
/// </summary>
internal class BuildIndexDirectory(FSDirectory inner) : FilterDirectory(inner)
{
    /// <summary>The folder's full path.</summary>
    public string Folder { get; } = inner.Directory.FullName;

    public override IndexOutput CreateOutput(string name, IOContext context)
    {
        if (LibraryPaths.Enabled)
        {
            return base.CreateOutput(name, context);
        }

        EnsureOpen();
        return new FileIndexOutput(Path.Combine(Folder, name));
    }

    public override void Sync(ICollection<string> names)
    {
    }
}

/// <summary>
/// The folder of one indexing thread's part of the index (<see cref="SearchIndexWriter"/>): when
/// IndexWriter.AddIndexes copies a part's segment files into the index's folder, they are moved
/// instead, under their new names; the part folder is removed afterwards.
/// </summary>
internal sealed class PartDirectory(FSDirectory inner) : BuildIndexDirectory(inner)
{
    public override void Copy(Lucene.Net.Store.Directory to, string src, string dest, IOContext context)
    {
        if (to is BuildIndexDirectory target)
        {
            File.Move(Path.Combine(Folder, src), Path.Combine(target.Folder, dest));
            return;
        }

        base.Copy(to, src, dest, context);
    }
}

/// <summary>link(2): a second name for the same file, so an unchanged file costs no copy.</summary>
public static partial class HardLink
{
    public static bool TryCreate(string existing, string newPath) =>
        !OperatingSystem.IsWindows() && Link(existing, newPath) == 0;

    [LibraryImport("libc", EntryPoint = "link", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existing, string newPath);
}
