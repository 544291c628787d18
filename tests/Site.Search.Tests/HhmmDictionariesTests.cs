using System.Reflection;
using Lucene.Net.Analysis.Cn.Smart;

namespace Site.Search.Tests;

/// <summary>
/// <see cref="HhmmDictionaries"/> answers every lookup of the core dictionary as SmartCn's own
/// WordDictionary does: for every prefix of every word, in the order the segmenter asks (each search
/// starting where the shorter prefix's ended), and for a character more that makes no prefix.
/// </summary>
public sealed class HhmmDictionariesTests
{
    [Fact]
    public void EveryPrefixOfEveryWord_SameAnswersAsTheLibrary()
    {
        var dictionaries = HhmmDictionaries.Instance;
        var type = typeof(HMMChineseTokenizer).Assembly.GetType("Lucene.Net.Analysis.Cn.Smart.Hhmm.WordDictionary", throwOnError: true)!;
        var library = type.GetMethod("GetInstance", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, null)!;
        var prefixMatch = type.GetMethod("GetPrefixMatch", [typeof(char[]), typeof(int)])!.CreateDelegate<Func<char[], int, int>>(library);
        var frequency = type.GetMethod("GetFrequency", [typeof(char[])])!.CreateDelegate<Func<char[], int>>(library);
        var isEqual = type.GetMethod("IsEqual", [typeof(char[]), typeof(int)])!.CreateDelegate<Func<char[], int, bool>>(library);

        // The library's data is sorted row by row: the short cuts are what is tested here.
        Assert.True(dictionaries.EveryRowSorted);
        var words = dictionaries.Words().ToList();
        Assert.True(words.Count > 80_000, $"only {words.Count} words");
        var checkedPrefixes = new HashSet<string>();
        foreach (var word in words)
        {
            var found = dictionaries.SinglePrefix(word[0]);
            Assert.Equal(prefixMatch([word[0]], 0), found);
            for (var length = 2; length <= word.Length + 1 && found != -1; length++)
            {
                // The word's prefixes, then the word and one more character (usually no prefix at all).
                var prefix = length <= word.Length ? word[..length] : word + "的";
                if (!checkedPrefixes.Add(prefix))
                {
                    found = dictionaries.PrefixMatch(prefix, found);
                    continue;
                }

                var expected = prefixMatch(prefix.ToCharArray(), found);
                found = dictionaries.PrefixMatch(prefix, found);
                Assert.True(expected == found, $"{prefix}: prefix match {found}, the library {expected}");
                Assert.True(frequency(prefix.ToCharArray()) == dictionaries.Frequency(prefix), $"{prefix}: frequency");
                if (found != -1)
                {
                    var isWord = isEqual(prefix.ToCharArray(), found);
                    Assert.True(isWord == dictionaries.IsWord(prefix, found), $"{prefix}: is the word at {found}");
                    if (isWord)
                    {
                        Assert.True(frequency(prefix.ToCharArray()) == dictionaries.FrequencyAt(prefix, found), $"{prefix}: frequency at {found}");
                    }
                }
            }
        }
    }
}
