using System.Diagnostics;
using System.Globalization;
using ICU4N.Text;
using Lucene.Net.Analysis;
using Lucene.Net.Analysis.Cn.Smart;
using Lucene.Net.Analysis.Cn.Smart.Hhmm;
using Lucene.Net.Analysis.TokenAttributes;
using Site.Search;

namespace Site.Benchmarks;

/// <summary>
/// The word fields' segmentation on the text the index gives it (the 200-character leads of the seed
/// articles' paragraphs), on one thread: SmartCn's chain against the replacement
/// (<see cref="WordTokenizer"/>), alternated round by round, and the library's parts alone (ICU's
/// sentence splitter, HHMMSegmenter per sentence, the tokenizer without filters) to show where its
/// time goes. Checks on the way that both give the same tokens.
/// </summary>
internal static class WordsBenchmark
{
    public static int Run(int rounds)
    {
        var texts = Bench.SeedParagraphs().Select(ChineseWordAnalyzer.Lead).ToList();
        long characters = texts.Sum(t => (long)t.Length);
        using var library = new Words(library: true, filters: true);
        using var replacement = new Words(library: false, filters: true);
        using var libraryTokenizer = new Words(library: true, filters: false);
        using var replacementTokenizer = new Words(library: false, filters: false);

        var differing = texts.Count(t => !library.Dump(t).SequenceEqual(replacement.Dump(t)));
        var sentences = new List<string>();
        var splitter = BreakIterator.GetSentenceInstance(CultureInfo.InvariantCulture);
        foreach (var text in texts)
        {
            splitter.SetText(text);
            for (int start = splitter.First(), end = splitter.Next(); end != BreakIterator.Done; start = end, end = splitter.Next())
            {
                sentences.Add(SimplifiedFolding.Fold(text[start..end]));
            }
        }

        var segmenter = new HHMMSegmenter();
        var parts = new (string Name, Func<long> Pass)[]
        {
            ("SmartCn chain (HMMChineseTokenizer + CJKWidth + LowerCase + Stop)", () => library.Count(texts)),
            ("replacement chain (WordTokenizer + the same filters)", () => replacement.Count(texts)),
            ("replacement chain, a new analyzer each pass (nothing remembered)", () =>
            {
                using var fresh = new Words(library: false, filters: true);
                return fresh.Count(texts);
            }),
            ("  HMMChineseTokenizer alone", () => libraryTokenizer.Count(texts)),
            ("  WordTokenizer alone", () => replacementTokenizer.Count(texts)),
            ("  ICU sentence BreakIterator alone", () =>
            {
                long n = 0;
                foreach (var text in texts)
                {
                    splitter.SetText(text);
                    for (var end = splitter.Next(); end != BreakIterator.Done; end = splitter.Next())
                    {
                        n++;
                    }
                }

                return n;
            }),
            ("  HHMMSegmenter.Process per sentence alone", () => sentences.Sum(s => (long)segmenter.Process(s).Count)),
        };

        // Warm up (the JIT, the dictionaries), then alternate the parts round by round.
        foreach (var part in parts)
        {
            part.Pass();
        }

        var passes = Math.Max(1, (int)(400_000 / characters));

        // Processor time of the whole process (garbage collection included), not wall time: the
        // machine is shared, and a pass is one thread's work.
        using var process = Process.GetCurrentProcess();
        var seconds = parts.Select(_ => new List<double>()).ToArray();
        var bytes = new long[parts.Length];
        for (var round = 0; round < rounds; round++)
        {
            for (var p = 0; p < parts.Length; p++)
            {
                var allocated = GC.GetAllocatedBytesForCurrentThread();
                var processor = process.TotalProcessorTime;
                for (var pass = 0; pass < passes; pass++)
                {
                    parts[p].Pass();
                }

                process.Refresh();
                seconds[p].Add((process.TotalProcessorTime - processor).TotalSeconds);
                bytes[p] = GC.GetAllocatedBytesForCurrentThread() - allocated;
            }
        }

        Console.WriteLine($"{texts.Count:N0} leads of seed paragraphs, {characters:N0} characters, {sentences.Count:N0} sentences; {rounds} rounds of {passes} passes each, alternated, median of processor time per round; load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine($"  {"",-68} {"chars/cpu-s",12} {"bytes/char",11}");
        for (var p = 0; p < parts.Length; p++)
        {
            var median = seconds[p].Order().ElementAt(seconds[p].Count / 2);
            Console.WriteLine($"  {parts[p].Name,-68} {characters * passes / median,12:N0} {bytes[p] / (double)(characters * passes),11:F1}");
        }

        Console.WriteLine($"  leads whose tokens differ between the chains: {differing}");
        return differing == 0 ? 0 : 1;
    }

    /// <summary>The word analyzer's chain (after the same folding) with the library's tokenizer or the replacement, with or without its filters.</summary>
    private sealed class Words(bool library, bool filters) : Analyzer
    {
        protected override TextReader InitReader(string fieldName, TextReader reader) => new SimplifiedFoldingCharFilter(reader);

        protected override TokenStreamComponents CreateComponents(string fieldName, TextReader reader)
        {
            if (filters)
            {
                var chain = ChineseWordAnalyzer.Chain(reader, library, out var source);
                return new TokenStreamComponents(source, chain);
            }

            Tokenizer tokenizer = library ? new HMMChineseTokenizer(reader) : new WordTokenizer(reader);
            return new TokenStreamComponents(tokenizer);
        }

        public long Count(List<string> texts)
        {
            long n = 0;
            foreach (var text in texts)
            {
                using var stream = GetTokenStream("words", text);
                stream.Reset();
                while (stream.IncrementToken())
                {
                    n++;
                }

                stream.End();
            }

            return n;
        }

        public List<string> Dump(string text)
        {
            var tokens = new List<string>();
            using var stream = GetTokenStream("words", text);
            var term = stream.AddAttribute<ICharTermAttribute>();
            var offset = stream.AddAttribute<IOffsetAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            while (stream.IncrementToken())
            {
                tokens.Add($"{term} {offset.StartOffset}-{offset.EndOffset} +{increment.PositionIncrement}");
            }

            stream.End();
            tokens.Add($"end {offset.EndOffset}");
            return tokens;
        }
    }
}
