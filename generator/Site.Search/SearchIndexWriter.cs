using System.Globalization;
using System.Runtime.InteropServices;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Lucene.Net.Util;

namespace Site.Search;

/// <summary>
/// Writes an index into an empty folder (the build swaps the folder in afterwards): from scratch, or as
/// an update of the previous build's index when only some documents changed.
/// </summary>
public static class SearchIndexWriter
{
    public static void Write(string folder, IEnumerable<SearchDocument> documents, double ramBufferMb = 48)
    {
        System.IO.Directory.CreateDirectory(folder);
        using var directory = FSDirectory.Open(folder);
        using var analyzer = ChineseAnalyzer.ForIndex();
        var config = new IndexWriterConfig(ChineseAnalyzer.Version, analyzer)
        {
            OpenMode = OpenMode.CREATE,
            RAMBufferSizeMB = ramBufferMb,
        };
        using var writer = new IndexWriter(directory, config);

        // IndexWriter takes documents from several threads at once; analysis is most of the cost.
        Parallel.ForEach(documents, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, document => writer.AddDocument(ToLucene(document)));
        writer.Commit();
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

        using var directory = FSDirectory.Open(folder);
        using var analyzer = ChineseAnalyzer.ForIndex();
        var config = new IndexWriterConfig(ChineseAnalyzer.Version, analyzer) { OpenMode = OpenMode.APPEND };
        using var writer = new IndexWriter(directory, config);
        foreach (var url in removedUrls)
        {
            writer.DeleteDocuments(new Term(SearchFields.Url, url));
        }

        Parallel.ForEach(changed, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
            document => writer.UpdateDocument(new Term(SearchFields.Url, document.Url), ToLucene(document)));
        writer.Commit();
    }

    public static Document ToLucene(SearchDocument d)
    {
        var doc = new Document
        {
            new StringField(SearchFields.Url, d.Url, Field.Store.YES),
            new TextField(SearchFields.Title, d.Title, Field.Store.YES),
            new StringField(SearchFields.TitleExact, ChineseQuery.ExactTitle(d.Title), Field.Store.NO),
            new TextField(SearchFields.Body, d.Body, Field.Store.YES),
            new StringField(SearchFields.Type, d.Type, Field.Store.YES),
            new SortedDocValuesField(SearchFields.Type, new BytesRef(d.Type)),
        };
        if (!string.IsNullOrEmpty(d.Keywords))
        {
            doc.Add(new TextField(SearchFields.Keywords, d.Keywords, Field.Store.NO));
        }

        if (!string.IsNullOrEmpty(d.Region))
        {
            doc.Add(new StringField(SearchFields.Region, d.Region, Field.Store.YES));
            doc.Add(new SortedDocValuesField(SearchFields.Region, new BytesRef(d.Region)));
        }

        if (!string.IsNullOrEmpty(d.Level))
        {
            doc.Add(new StoredField(SearchFields.Level, d.Level));
            foreach (var level in d.Level.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                doc.Add(new StringField(SearchFields.Level, level, Field.Store.NO));
            }
        }

        if (d.Date is { } date)
        {
            var year = date.Year.ToString(CultureInfo.InvariantCulture);
            doc.Add(new StringField(SearchFields.Year, year, Field.Store.NO));
            doc.Add(new SortedDocValuesField(SearchFields.Year, new BytesRef(year)));
            doc.Add(new StoredField(SearchFields.Date, date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        }

        return doc;
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
