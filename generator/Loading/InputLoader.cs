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
            records.SiteConfig = YamlReader.Read(File.ReadAllText(siteFile), SitePaths.Relative(root, siteFile), 0, diagnostics) as RawMap;
        }

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
            Parallel.For(0, files.Count, i => perFile[i] = LoadFile(root, files[i], kind, diagnostics));
            records.Add(kind, perFile.SelectMany(x => x));
        }

        return records;
    }

    private static List<RawMap> LoadFile(string root, string file, RecordKind kind, DiagnosticBag diagnostics)
    {
        var relative = SitePaths.Relative(root, file);
        switch (Path.GetExtension(file).ToLowerInvariant())
        {
            case ".yaml" or ".yml":
                var node = YamlReader.Read(File.ReadAllText(file), relative, 0, diagnostics);
                return node switch
                {
                    RawMap map => [map],
                    RawList list => list.Items.OfType<RawMap>().ToList(),
                    _ => [],
                };
            case ".xlsx" or ".csv":
                return SpreadsheetReader.Read(file, relative, kind, diagnostics);
            default:
                diagnostics.Warning(
                    DiagnosticCodes.UnknownInputFile,
                    new SourceLocation(relative),
                    $"不认识的文件类型，已跳过：{kind.Folder}/ 下只读取 .yaml、.xlsx、.csv 文件");
                return [];
        }
    }
}
