namespace Site.Generator.Vocabulary;

/// <summary>
/// One field of a record: its key (YAML, and the name the validator reads), its Chinese label (in
/// every message about the field), and the spreadsheet column headers offices write for it.
/// </summary>
/// <param name="Headers">Headers as offices write them; empty for a field that is never a column (a nested list).</param>
public sealed record Field(string Key, string Label, params string[] Headers);
