using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// Reads input/: the office's records. Each folder is one kind (deputies/, stations/ …) and may hold
/// YAML kept by hand and the spreadsheets the office already has (.xlsx, .csv in UTF-8 or GB18030).
/// Links are refused, not followed (<see cref="SafeTree"/>).
/// </summary>
public static class InputLoader
{
    public static InputRecords Load(string root, DiagnosticBag diagnostics)
    {
        var inputDir = Path.Combine(root, "input");
        var records = new InputRecords();
        if (!SafeTree.IsPlainFolder(root, inputDir, diagnostics))
        {
            return records;
        }

        var siteFile = Path.Combine(inputDir, "site.yaml");
        if (SafeTree.IsPlainFile(root, siteFile, diagnostics))
        {
            records.SiteConfig = YamlReader.Read(ReadYaml(siteFile, SitePaths.Relative(root, siteFile), diagnostics), SitePaths.Relative(root, siteFile), 0, diagnostics) as RawMap;
        }

        var fileValues = ReadFileValues(records.SiteConfig, inputDir, diagnostics);
        foreach (var kind in RecordKind.All)
        {
            var folder = Path.Combine(inputDir, kind.Folder);
            if (!Directory.Exists(folder))
            {
                continue;
            }

            var files = SafeTree.Files(root, folder, diagnostics)
                .Where(f => !SafeTree.IsScratch(f))
                .Order(StringComparer.Ordinal)
                .ToList();
            var perFile = new List<RawMap>[files.Count];
            Parallel.For(0, files.Count, i => perFile[i] = LoadFile(root, files[i], kind, diagnostics, fileValues));
            records.Add(kind, perFile.SelectMany(x => x));
        }

        return records;
    }

    /// <summary>A YAML file's text; one saved as GBK is read as such (with a warning), one in no known encoding is empty.</summary>
    private static string ReadYaml(string file, string relative, DiagnosticBag diagnostics)
    {
        var text = SourceText.Read(file, static t => t.ToString(), detectGb18030: true, out var encoding);
        return SourceText.Report(encoding, relative, diagnostics) ? text : "";
    }

    private static List<RawMap> LoadFile(
        string root, string file, RecordKind kind, DiagnosticBag diagnostics, Dictionary<string, List<(string Header, RawEntry Entry)>> fileValues)
    {
        var relative = SitePaths.Relative(root, file);
        var shared = fileValues.TryGetValue(Path.GetRelativePath(Path.Combine(root, "input"), file).Replace('\\', '/'), out var values)
            ? FileValuesFor(values, kind, diagnostics)
            : null;
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".yaml" or ".yml":
                var node = YamlReader.Read(ReadYaml(file, relative, diagnostics), relative, 0, diagnostics);
                return node switch
                {
                    RawMap map => [map],
                    RawList list => list.Items.OfType<RawMap>().ToList(),
                    _ => [],
                };
            case ".xlsx" or ".xlsm" or ".xls" or ".csv":
                return SpreadsheetReader.Read(file, relative, kind, diagnostics, shared);
            default:
                diagnostics.Warning(
                    DiagnosticCodes.UnknownInputFile,
                    new SourceLocation(relative),
                    $"不认识的文件类型，已跳过：{kind.Folder}/ 下只读取 .yaml、.xlsx、.xls、.csv 文件");
                return [];
        }
    }

    /// <summary>
    /// Values a whole spreadsheet shares, given once in site.yaml instead of a column on every row:
    /// <c>roster: files: { "deputies/名册.xlsx": { 层级: 县, 届次: 第十八届 } }</c>, paths relative to
    /// input/, names as column headers or field keys. A file named there that does not exist is a warning.
    /// </summary>
    private static Dictionary<string, List<(string Header, RawEntry Entry)>> ReadFileValues(RawMap? config, string inputDir, DiagnosticBag diagnostics)
    {
        var result = new Dictionary<string, List<(string, RawEntry)>>(StringComparer.Ordinal);
        if (config?.Find("roster")?.Value is not RawMap roster || roster.Find("files")?.Value is not { } filesNode)
        {
            return result;
        }

        if (filesNode is not RawMap files)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, filesNode.Location, "roster.files（名册文件）: 应为“文件路径: 各列的值”的映射");
            return result;
        }

        foreach (var file in files.Entries)
        {
            var path = file.Key.Trim().Replace('\\', '/');
            if (!File.Exists(Path.Combine(inputDir, path)))
            {
                diagnostics.Warning(DiagnosticCodes.UnknownInputFile, file.KeyLocation,
                    $"roster.files: input/{path} 不存在，这里为它写的值没有用上（路径相对于 input/，如 deputies/代表名册.xlsx）");
            }

            if (file.Value is not RawMap values)
            {
                diagnostics.Error(DiagnosticCodes.WrongShape, file.Value.Location, $"roster.files.{path}: 应为“列名: 值”的映射，如 层级: 县");
                continue;
            }

            result[path] = values.Entries.Select(e => (e.Key.Trim(), e)).ToList();
        }

        return result;
    }

    private static List<RawEntry> FileValuesFor(List<(string Header, RawEntry Entry)> values, RecordKind kind, DiagnosticBag diagnostics)
    {
        var result = new List<RawEntry>(values.Count);
        foreach (var (header, entry) in values)
        {
            var key = kind.Headers.TryGetValue(header, out var mapped) ? mapped : kind.Headers.Values.Contains(header) ? header : null;
            if (key is null)
            {
                diagnostics.Warning(DiagnosticCodes.UnknownKey, entry.KeyLocation,
                    $"roster.files: 不认识的列「{header}」，已忽略；可用的列：{string.Join("、", kind.Headers.Keys)}");
                continue;
            }

            result.Add(new RawEntry(key, entry.KeyLocation, entry.Value, $"{header}（site.yaml）"));
        }

        return result;
    }
}
