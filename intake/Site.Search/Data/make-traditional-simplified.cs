#:package ICU4N
#:package Microsoft.Extensions.Caching.Memory
// Writes traditional-simplified.txt: pairs of characters (traditional, simplified) from ICU's
// "Traditional-Simplified" transform, applied to each Han code point alone. Only one-for-one
// replacements of the same UTF-16 length are kept, so offsets into the original text stay right.
// Chains and cycles (苎 → 苧 → 苎) are resolved to one representative, so folding twice changes nothing.
// Run: dotnet run intake/Site.Search/Data/make-traditional-simplified.cs -- intake/Site.Search/Data/traditional-simplified.txt
using System.Text;
using ICU4N.Text;

var transform = Transliterator.GetInstance("Traditional-Simplified");
var map = new SortedDictionary<int, int>();
foreach (var (first, last) in new[] { (0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x2FA1F) })
{
    for (var cp = first; cp <= last; cp++)
    {
        var text = char.ConvertFromUtf32(cp);
        var folded = transform.Transliterate(text);
        if (folded != text && folded.EnumerateRunes().Count() == 1 && folded.Length == text.Length)
        {
            map[cp] = char.ConvertToUtf32(folded, 0);
        }
    }
}

int Resolve(int cp)
{
    var seen = new List<int> { cp };
    while (map.TryGetValue(seen[^1], out var next) && !seen.Contains(next))
    {
        seen.Add(next);
    }

    // A chain ends where nothing maps further; a cycle is represented by its smallest member.
    return map.TryGetValue(seen[^1], out var back) && seen.Contains(back) ? seen[seen.IndexOf(back)..].Min() : seen[^1];
}

var output = new StringBuilder();
foreach (var cp in map.Keys)
{
    var target = Resolve(cp);
    if (target != cp)
    {
        output.Append(char.ConvertFromUtf32(cp)).Append(char.ConvertFromUtf32(target)).Append('\n');
    }
}

File.WriteAllText(args[0], output.ToString());
Console.WriteLine($"{output.ToString().Count(c => c == '\n')} pairs written to {args[0]}");
