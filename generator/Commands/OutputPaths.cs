namespace Site.Generator.Commands;

/// <summary>
/// Where a staff command may write its file. The exports hold citizens' names and phone numbers, and
/// everything under content/, input/, theme/ or a built site is published by the next build or by
/// `serve` at once; so a file a command writes (export, messages export, template) must lie outside
/// all of them. Symbolic links and ".." are resolved before deciding, so neither
/// `--out exports/../content/a.xlsx` nor a link pointing into _site/ gets through.
/// </summary>
public static class OutputPaths
{
    /// <summary>The folders under the site root whose files are published, with why (Chinese).</summary>
    private static readonly (string Folder, string Why)[] Published =
    [
        ("content", "content/ 中的文件会被生成进网站公开"),
        ("input", "input/ 中的文件会被生成器读取并公开"),
        ("theme", "theme/ 中的文件会被生成进网站公开"),
        ("_site", "_site/ 是生成的网站，其中的文件会被直接公开"),
        ("_intake", "_intake/ 是生成器为意见征集接口写出的数据，每次生成都会整个替换"),
    ];

    private const string Elsewhere = "请写到 content/、input/、theme/ 和生成的网站以外的目录";

    /// <summary>
    /// Why <paramref name="path"/> must not be written (Chinese, naming the path and the folder), or
    /// null when it may. Refused: anything inside &lt;root&gt;/content, input, theme, _site or
    /// _intake, and anything inside a built site elsewhere (a folder holding site-manifest.json,
    /// which every build writes), all compared after resolving links and ".."; and a folder (the
    /// command writes a file and would otherwise fail half-way, leaving a .part file of contacts behind).
    /// </summary>
    /// <param name="what">What the command writes, for the message: 导出的意见（含联系方式）.</param>
    public static string? Problem(string root, string path, string what)
    {
        var target = Resolve(path);
        if (Directory.Exists(target))
        {
            return $"{path} 是一个文件夹：--out 要写文件名，如 {Path.Combine(path, "导出.xlsx")}";
        }

        var fullRoot = Resolve(root);
        foreach (var (folder, why) in Published)
        {
            var published = Resolve(Path.Combine(fullRoot, folder));
            if (Within(target, published))
            {
                return $"不能把{what}写到 {path}（实际位置 {target}）：它在站点的 {folder}/ 目录中，{why}。{Elsewhere}";
            }
        }

        for (var folder = Path.GetDirectoryName(target); !string.IsNullOrEmpty(folder); folder = Path.GetDirectoryName(folder))
        {
            if (File.Exists(Path.Combine(folder, "site-manifest.json")))
            {
                return $"不能把{what}写到 {path}（实际位置 {target}）：{folder} 是生成的网站（其中有 site-manifest.json），其中的文件会被直接公开。{Elsewhere}";
            }
        }

        return null;
    }

    /// <summary>
    /// Why an <c>--out</c> of <paramref name="path"/> cannot be written because its folder does not exist
    /// (Chinese, naming the folder), or null when it does. A command never makes the folder of a path
    /// it was given: a mistyped path would otherwise put a file of names and phone numbers somewhere
    /// nobody looks (only the default, &lt;root&gt;/.data/exports/, is made).
    /// </summary>
    public static string? MissingFolder(string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (string.IsNullOrEmpty(folder) || Directory.Exists(folder))
        {
            return null;
        }

        return File.Exists(folder)
            ? $"{folder} 是一个文件，不是文件夹：请检查 --out 的路径"
            : $"文件夹 {folder} 不存在：请先建好这个文件夹，或把 --out 写成已有文件夹中的文件（路径写错时不会自动新建文件夹，以免文件写到找不到的地方）";
    }

    /// <summary>
    /// The format an <c>--out</c> file name asks for by its extension, in any case: "xlsx" or "csv"
    /// (from <paramref name="formats"/>); null, with <paramref name="problem"/> in Chinese, for any
    /// other extension or none.
    /// </summary>
    public static string? FormatOf(string path, IReadOnlyList<string> formats, out string? problem)
    {
        var extension = Path.GetExtension(path).TrimStart('.').ToLowerInvariant();
        var allowed = string.Join(" 或 ", formats.Select(f => "." + f));
        if (formats.Contains(extension))
        {
            problem = null;
            return extension;
        }

        problem = extension.Length == 0
            ? $"{path} 没有扩展名：文件名请以 {allowed} 结尾（如 {Path.GetFileName(path)}.{formats[0]}）"
            : $"不能写成 .{extension} 文件：{path}。只能导出 {allowed}（{string.Join("；", formats.Select(Describe))}），请把文件名改为以 {allowed} 结尾";
        return null;
    }

    /// <summary>Why an <c>--out</c> file of one of <paramref name="formats"/> cannot be written there (<see cref="MissingFolder"/>, then <see cref="FormatOf"/>); null when it can.</summary>
    public static string? ExportProblem(string path, IReadOnlyList<string> formats)
    {
        if (MissingFolder(path) is { } missing)
        {
            return missing;
        }

        return FormatOf(path, formats, out var problem) is null ? problem : null;
    }

    private static string Describe(string format) => format switch
    {
        "xlsx" => ".xlsx 是 Excel 工作簿",
        "csv" => ".csv 是 UTF-8 文本，Excel、WPS 可直接打开",
        _ => "." + format,
    };

    /// <summary>
    /// <paramref name="path"/> made absolute with every symbolic link in it followed and every "." and
    /// ".." applied where it stands (after a link, ".." goes up from the link's target, as the system
    /// does). Parts that do not exist yet are kept as written.
    /// </summary>
    public static string Resolve(string path) => Resolve(path, 0);

    private static string Resolve(string path, int depth)
    {
        var absolute = Path.IsPathRooted(path) ? path : Path.Combine(Directory.GetCurrentDirectory(), path);
        var start = Path.GetPathRoot(absolute)!;
        var current = start;
        foreach (var part in absolute[start.Length..].Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == ".")
            {
                continue;
            }

            if (part == "..")
            {
                current = Path.GetDirectoryName(current) ?? current;
                continue;
            }

            var next = Path.Combine(current, part);
            // A loop of links (a → b → a) stops being followed; the system would refuse it too.
            if (depth < 40 && new FileInfo(next).LinkTarget is { } link)
            {
                next = Resolve(Path.IsPathRooted(link) ? link : Path.Combine(current, link), depth + 1);
            }

            current = next;
        }

        return current;
    }

    private static bool Within(string path, string folder) =>
        path == folder || path.StartsWith(Path.TrimEndingDirectorySeparator(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
