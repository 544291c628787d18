#:package ICU4N
#:package Microsoft.Extensions.Caching.Memory
// Writes sentence-break.txt: the Sentence_Break property (UAX #29) of every code point, as ICU4N's own
// character data has it (Unicode 10, the version ICU 60's sentence rules were compiled against), for
// SentenceBreaks, which cuts text into sentences as ICU's root sentence iterator does without reading
// ICU's data at run time. One line per range: the first code point of the range (hex) and the value's
// short name from the Unicode Character Database (XX, AT, CL, FO, LO, NU, LE, SE, SP, ST, UP, CR, EX,
// LF, SC); a range runs to the code point before the next line's. Lines starting with # are comments.
// Run: dotnet run intake/Site.Search/Data/make-sentence-break.cs -- intake/Site.Search/Data/sentence-break.txt
using System.Text;
using ICU4N;
using ICU4N.Globalization;

// ICU's SentenceBreak values 0..14, in order.
string[] names = ["XX", "AT", "CL", "FO", "LO", "NU", "LE", "SE", "SP", "ST", "UP", "CR", "EX", "LF", "SC"];
var output = new StringBuilder();
output.Append("# Sentence_Break of every code point from ICU4N (Unicode ").Append(UChar.UnicodeVersion)
    .Append("), written by make-sentence-break.cs: first code point of a range (hex) and the value.\n");
var last = -1;
var ranges = 0;
for (var cp = 0; cp <= 0x10FFFF; cp++)
{
    var value = UChar.GetIntPropertyValue(cp, UProperty.Sentence_Break);
    if (value != last)
    {
        output.Append(cp.ToString("X4")).Append(' ').Append(names[value]).Append('\n');
        last = value;
        ranges++;
    }
}

File.WriteAllText(args[0], output.ToString());
Console.WriteLine($"{ranges} ranges written to {args[0]}");
