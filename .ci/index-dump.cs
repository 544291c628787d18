#:project ../intake/Site.Search/Site.Search.csproj
// Writes a Lucene index's content in a canonical order, so that two indexes of the same documents
// compare equal whatever their segments and document numbers (the build's indexing threads split
// the documents differently on every run): every field's terms, each with the URL of every document
// holding it, its frequency and positions; then every document's stored fields, by URL.
// Run: dotnet run .ci/index-dump.cs -- INDEX-FOLDER OUTPUT-FILE   (used by .ci/native-check)
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Lucene.Net.Util;

if (args.Length != 2)
{
    Console.Error.WriteLine("usage: index-dump INDEX-FOLDER OUTPUT-FILE");
    return 2;
}

// The index's own codec (stored fields as Lucene 4.0 wrote them), registered as the endpoint does.
_ = Site.Search.SearchCodec.Registered;
using var directory = FSDirectory.Open(args[0]);
using var reader = DirectoryReader.Open(directory);
var urls = new string[reader.MaxDoc];
var lines = new List<string>();
var live = MultiFields.GetLiveDocs(reader);
for (var doc = 0; doc < reader.MaxDoc; doc++)
{
    if (live is not null && !live.Get(doc))
    {
        continue;
    }

    var document = reader.Document(doc);
    urls[doc] = document.Get("url") ?? throw new InvalidDataException($"document {doc} has no url");
    foreach (var field in document.Fields)
    {
        lines.Add($"stored\t{urls[doc]}\t{field.Name}\t{field.GetStringValue()?.ReplaceLineEndings("\\n")}");
    }
}

var fields = MultiFields.GetFields(reader);
foreach (var name in fields)
{
    var termsEnum = fields.GetTerms(name).GetEnumerator();
    while (termsEnum.MoveNext())
    {
        var term = termsEnum.Term.Utf8ToString();
        var positions = termsEnum.DocsAndPositions(live, null);
        if (positions is not null)
        {
            while (positions.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
            {
                var at = new int[positions.Freq];
                for (var i = 0; i < at.Length; i++)
                {
                    at[i] = positions.NextPosition();
                }

                lines.Add($"term\t{name}\t{term}\t{urls[positions.DocID]}\t{positions.Freq}\t{string.Join(',', at)}");
            }

            continue;
        }

        var docs = termsEnum.Docs(live, null);
        while (docs.NextDoc() != DocIdSetIterator.NO_MORE_DOCS)
        {
            lines.Add($"term\t{name}\t{term}\t{urls[docs.DocID]}\t{docs.Freq}");
        }
    }
}

lines.Sort(StringComparer.Ordinal);
File.WriteAllLines(args[1], lines);
Console.WriteLine($"{args[0]}: {reader.NumDocs} documents, {lines.Count} lines");
return 0;
