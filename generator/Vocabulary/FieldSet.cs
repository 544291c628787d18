namespace Site.Generator.Vocabulary;

/// <summary>
/// The fields of one kind of record, in the order messages list them, with the two lookups the
/// build needs: key → label (validators) and header → key (the spreadsheet reader).
/// </summary>
public sealed class FieldSet
{
    public FieldSet(params Field[] fields)
    {
        All = fields;
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        var headers = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var field in fields)
        {
            if (!labels.TryAdd(field.Key, field.Label))
            {
                throw new ArgumentException($"Field key {field.Key} is declared twice.", nameof(fields));
            }

            foreach (var header in field.Headers)
            {
                // A header that named two fields would put a cell under whichever came first.
                if (!headers.TryAdd(header, field.Key))
                {
                    throw new ArgumentException($"Header {header} names both {headers[header]} and {field.Key}.", nameof(fields));
                }
            }
        }

        Labels = labels;
        Headers = headers;
    }

    public IReadOnlyList<Field> All { get; }

    /// <summary>Field key → Chinese label.</summary>
    public IReadOnlyDictionary<string, string> Labels { get; }

    /// <summary>Spreadsheet header (Chinese, as offices write it) → field key.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; }
}
