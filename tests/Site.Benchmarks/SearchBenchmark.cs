using System.Diagnostics;
using System.Text.RegularExpressions;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// Index N synthetic documents (seed text), then ask random 2–6 character fragments of the indexed
/// text: throughput, index size, query latency percentiles, and recall (every fragment taken from a
/// document must find at least one document).
/// </summary>
internal static partial class SearchBenchmark
{
    private static readonly string[] Types = [SearchTypes.Story, SearchTypes.Deputy, SearchTypes.Station, SearchTypes.Article, SearchTypes.Suggestion];
    private static readonly string[] Towns = ["易俗河镇", "花石镇", "射埠镇", "石鼓镇", "河口镇", "谭家山镇", "中路铺镇", "云湖桥镇"];

    /// <param name="keep">
    /// A folder to keep the index in; when it already holds one, indexing is skipped, so the query
    /// side can be measured again without four minutes of indexing at 1,000,000 documents.
    /// </param>
    public static int Run(int documents, int queries, string? keep = null)
    {
        var paragraphs = Bench.SeedParagraphs();
        var folder = keep ?? Bench.TempFolder("search");
        try
        {
            if (keep is not null && File.Exists(Path.Combine(keep, "segments.gen")))
            {
                Console.WriteLine($"index: reusing {keep}, size {Bench.Size(Bench.FolderSize(folder))}");
            }
            else
            {
                Directory.CreateDirectory(folder);
                var clock = Stopwatch.StartNew();
                SearchIndexWriter.Write(folder, Enumerable.Range(0, documents).Select(i => Document(i, paragraphs)));
                var seconds = clock.Elapsed.TotalSeconds;
                Console.WriteLine($"index: {documents:N0} documents in {seconds:0.0} s ({documents / seconds:N0} docs/s), size {Bench.Size(Bench.FolderSize(folder))}, peak working set {Bench.PeakMiB():0} MiB");
            }

            using var index = SearchIndex.Open(folder);
            // The figures are for the site's index, word fields included: a kept index written without
            // them (by older code, or with SearchIndexWriter.WordFields off) would time another index.
            using (var reader = Lucene.Net.Index.DirectoryReader.Open(Lucene.Net.Store.FSDirectory.Open(folder)))
            {
                var withWords = reader.GetDocCount(SearchFields.Words);
                var withTitleWords = reader.GetDocCount(SearchFields.TitleWords);
                Console.WriteLine($"word fields: {withWords:N0} of {reader.NumDocs:N0} documents have body words, {withTitleWords:N0} title words " +
                    $"({reader.GetSumDocFreq(SearchFields.Words) + reader.GetSumDocFreq(SearchFields.TitleWords):N0} postings); queries rank by words as the endpoint does");
                if (withWords == 0 || withTitleWords == 0)
                {
                    Console.Error.WriteLine($"{folder} holds an index without the SmartCn word fields; remove it and run again to write the site's index.");
                    return 1;
                }
            }

            var random = new Random(7);
            var fragments = new List<string>();
            while (fragments.Count < queries)
            {
                var runs = HanRun().Matches(paragraphs[random.Next(paragraphs.Count)]).Where(m => m.Length >= 2).ToList();
                if (runs.Count == 0)
                {
                    continue;
                }

                var run = runs[random.Next(runs.Count)].Value;
                var length = random.Next(2, Math.Min(6, run.Length) + 1);
                fragments.Add(run.Substring(random.Next(run.Length - length + 1), length));
            }

            foreach (var warm in fragments.Take(200))
            {
                index.Search(new SearchRequest(warm));
            }

            var latencies = new List<double>(queries);
            var timed = new List<(double Ms, string Fragment, long Total, bool Estimated)>(queries);
            var found = 0;
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            var collectionsBefore = GC.CollectionCount(0);
            var pausedBefore = GC.GetTotalPauseDuration();
            foreach (var fragment in fragments)
            {
                var start = Stopwatch.GetTimestamp();
                var response = index.Search(new SearchRequest(fragment));
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                latencies.Add(ms);
                timed.Add((ms, fragment, response.Total, response.Estimated));
                found += response.Total > 0 ? 1 : 0;
            }

            latencies.Sort();
            Console.WriteLine($"queries: {queries:N0} random 2–6 character fragments, with facets and 10 snippets each: p50 {Bench.Percentile(latencies, 50):0.00} ms, p99 {Bench.Percentile(latencies, 99):0.00} ms, max {latencies[^1]:0.00} ms; recall {100.0 * found / queries:0.0}%");
            // Garbage per query and the collections it caused: their pauses land in the slowest queries.
            Console.WriteLine($"  allocated {(GC.GetAllocatedBytesForCurrentThread() - allocatedBefore) / 1024.0 / queries:N0} KiB per query; " +
                $"{GC.CollectionCount(0) - collectionsBefore} gen0 collections, paused {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms in all");
            Console.WriteLine("  slowest: " + string.Join("; ", timed.OrderByDescending(t => t.Ms).Take(8)
                .Select(t => $"{t.Fragment} {t.Ms:0.0} ms ({(t.Estimated ? "≈" : "")}{t.Total:N0})")));
            var estimated = timed.Where(t => t.Estimated).ToList();
            var errors = estimated.Take(200).Select(t => Math.Abs(t.Total - index.CountExactly(t.Fragment)) / (double)Math.Max(1, index.CountExactly(t.Fragment))).Order().ToList();
            Console.WriteLine($"  estimated totals: {estimated.Count} of {queries} queries were counted from a sample; " +
                $"error against an exact count (first 200): median {Bench.Percentile(errors, 50):P1}, p99 {Bench.Percentile(errors, 99):P1}");
            Breakdown(folder, index, fragments);
            // A lone character is matched as the prefix of the bigrams the index keeps (ChineseQuery).
            var singles = new List<double>();
            var slowSingles = new List<(double Ms, string Character, long Total)>();
            var characters = Enumerable.Range(0, 300).Select(_ =>
            {
                var text = paragraphs[random.Next(paragraphs.Count)];
                var runs = HanRun().Matches(text).ToList();
                var run = runs[random.Next(runs.Count)].Value;
                return run[random.Next(run.Length)].ToString();
            }).ToList();
            foreach (var character in characters)
            {
                var start = Stopwatch.GetTimestamp();
                var response = index.Search(new SearchRequest(character));
                var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
                singles.Add(ms);
                slowSingles.Add((ms, character, response.Total));
            }

            singles.Sort();
            Console.WriteLine($"single characters: {characters.Count} drawn from the text: p50 {Bench.Percentile(singles, 50):0.00} ms, p99 {Bench.Percentile(singles, 99):0.00} ms, max {singles[^1]:0.00} ms; slowest: " +
                string.Join("; ", slowSingles.OrderByDescending(t => t.Ms).Take(5).Select(t => $"{t.Character} {t.Ms:0.0} ms ({t.Total:N0})")));

            var common = new[] { "人大代表", "代表", "站" };
            foreach (var word in common)
            {
                var start = Stopwatch.GetTimestamp();
                var response = index.Search(new SearchRequest(word));
                Console.WriteLine($"  “{word}”: {response.Total:N0} hits in {Stopwatch.GetElapsedTime(start).TotalMilliseconds:0.0} ms");
            }

            return 0;
        }
        finally
        {
            if (keep is null)
            {
                Bench.Remove(folder);
            }
        }
    }

    /// <summary>
    /// Where a query's time goes, the same fragments alternated in the same minutes: parsing alone
    /// (bigram analysis and SmartCn segmentation), the whole search with the word clauses, and the
    /// whole search ranked by bigrams alone, on the same index.
    /// </summary>
    private static void Breakdown(string folder, SearchIndex index, List<string> fragments)
    {
        using var bigramsOnly = SearchIndex.Open(folder, rankByWords: false);
        using var analyzer = ChineseAnalyzer.ForQueries();
        foreach (var warm in fragments.Take(200))
        {
            bigramsOnly.Search(new SearchRequest(warm));
        }

        var parse = new List<double>();
        var words = new List<double>();
        var bigrams = new List<double>();
        foreach (var fragment in fragments)
        {
            var start = Stopwatch.GetTimestamp();
            ChineseQuery.Parse(fragment, analyzer);
            parse.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            index.Search(new SearchRequest(fragment));
            words.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            start = Stopwatch.GetTimestamp();
            bigramsOnly.Search(new SearchRequest(fragment));
            bigrams.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }

        string Figures(List<double> list)
        {
            list.Sort();
            return $"p50 {Bench.Percentile(list, 50):0.00} ms, p99 {Bench.Percentile(list, 99):0.00} ms";
        }

        Console.WriteLine($"  alternated: parse with words {Figures(parse)}; search with words {Figures(words)}; search ranked by bigrams alone {Figures(bigrams)}");
    }

    private static SearchDocument Document(int i, List<string> paragraphs)
    {
        var random = new Random(i);
        var body = string.Join("\n", Enumerable.Range(0, random.Next(2, 6)).Select(_ => paragraphs[random.Next(paragraphs.Count)]));
        var title = paragraphs[random.Next(paragraphs.Count)];
        return new SearchDocument($"/d/{i}/", title[..Math.Min(20, title.Length)], body, Types[i % Types.Length],
            Towns[random.Next(Towns.Length)], Date: new DateOnly(2018 + random.Next(9), random.Next(1, 13), random.Next(1, 29)));
    }

    [GeneratedRegex(@"\p{IsCJKUnifiedIdeographs}+")]
    private static partial Regex HanRun();
}
