using Site.Generator.Build;
using Site.Generator.Tests.Search;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// The relevance table (<see cref="RelevanceTable"/>: the sample site and three real regulations)
/// ranked by the bigram fields alone and with the SmartCn word fields, side by side: mean reciprocal
/// rank of the expected page (0 when it is not in the first 10), the share of queries with it first
/// and in the first five, and precision@5 (relevant pages among the first five, over five).
/// </summary>
internal static class RelevanceBenchmark
{
    public static async Task<int> RunAsync()
    {
        var folder = Bench.TempFolder("relevance");
        try
        {
            var output = Path.Combine(folder, "_site");
            var report = await BuildPipeline.RunAsync(BuildOptions.For(Bench.RepositoryRoot(), output));
            var sampleIndex = Path.Combine(folder, "_intake", "index");
            var lawIndex = Path.Combine(folder, "laws");
            SearchIndexWriter.Write(lawIndex, RelevanceTable.RegulationDocuments(Path.Combine(AppContext.BaseDirectory, "Regulations")));

            var results = new Dictionary<bool, List<(RelevanceTable.Entry Entry, int Rank, int RelevantInFive)>>();
            foreach (var words in new[] { false, true })
            {
                using var sample = SearchIndex.Open(sampleIndex, words);
                using var laws = SearchIndex.Open(lawIndex, words);
                await ChineseWordAnalyzer.WarmUp();
                results[words] = RelevanceTable.All.Select(entry =>
                {
                    var urls = (entry.IsRealText ? laws : sample).Search(new SearchRequest(entry.Query)).Hits.Select(h => h.Url).ToList();
                    var rank = urls.IndexOf(entry.Expected) + 1;
                    return (entry, rank, urls.Take(5).Count(entry.Relevant.Contains));
                }).ToList();
            }

            Console.WriteLine($"{RelevanceTable.All.Count()} queries ({RelevanceTable.Sample.Count} on the sample site, {RelevanceTable.RealText.Count} on real regulation texts)");
            Console.WriteLine("| ranking | set | MRR | first | in first 5 | precision@5 | within the table's bound |");
            Console.WriteLine("|---|---|---|---|---|---|---|");
            foreach (var words in new[] { false, true })
            {
                foreach (var (name, rows) in new[] { ("all", results[words]), ("sample site", results[words].Where(r => !r.Entry.IsRealText).ToList()), ("real texts", results[words].Where(r => r.Entry.IsRealText).ToList()) })
                {
                    var mrr = rows.Average(r => r.Rank == 0 ? 0 : 1.0 / r.Rank);
                    Console.WriteLine($"| {(words ? "bigrams + SmartCn words" : "bigrams only")} | {name} | {mrr:0.000} | {rows.Count(r => r.Rank == 1)} | {rows.Count(r => r.Rank is > 0 and <= 5)} | {rows.Average(r => r.RelevantInFive / 5.0):0.000} | {rows.Count(r => r.Rank > 0 && r.Rank <= r.Entry.WithinTop)} of {rows.Count} |");
                }
            }

            Console.WriteLine("queries whose rank changed (bigrams only → with words):");
            foreach (var (before, after) in results[false].Zip(results[true]).Where(p => p.First.Rank != p.Second.Rank))
            {
                Console.WriteLine($"  {before.Entry.Query}: {Rank(before.Rank)} → {Rank(after.Rank)} (bound {before.Entry.WithinTop})");
            }

            // Every query's rank with words, one a line, so that two runs (before and after a change) can be compared with diff.
            Console.WriteLine("rank of each query with words:");
            foreach (var row in results[true])
            {
                Console.WriteLine($"  {row.Entry.Query} → {Rank(row.Rank)}");
            }

            Console.WriteLine("queries outside the table's bound with words: " + string.Join("; ", results[true]
                .Where(r => r.Rank == 0 || r.Rank > r.Entry.WithinTop).Select(r => $"{r.Entry.Query} {Rank(r.Rank)} (bound {r.Entry.WithinTop})")));
            return report.Succeeded ? 0 : 1;
        }
        finally
        {
            Bench.Remove(folder);
        }
    }

    private static string Rank(int rank) => rank == 0 ? "none" : rank.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
