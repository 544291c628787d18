namespace Site.Theme.ViewModels;

/// <summary>开放数据: every file the site offers for download, what each holds, and the licence.</summary>
public sealed record OpenDataPage(PageMeta Meta, string Licence, IReadOnlyList<OpenDataFile> Files);

/// <param name="Columns">The CSV's headers (the JSON's fields carry the same labels).</param>
/// <param name="Downloads">CSV and JSON (or the ballots' files).</param>
public sealed record OpenDataFile(string Title, string Holds, int Rows, string Columns, IReadOnlyList<LinkCard> Downloads);
