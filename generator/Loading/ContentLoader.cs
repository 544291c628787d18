using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// Reads content/: every Markdown file becomes a <see cref="SourceDocument"/> (its top folder is
/// its section), every other file is a static file copied as it is (images beside stories).
/// Links are refused (<see cref="SafeTree"/>), host control files are left out with a warning, and
/// files of other types than <see cref="ContentFileTypes"/> allows are errors.
/// </summary>
public sealed class ContentLoader
{
    public sealed record Result(IReadOnlyList<SourceDocument> Documents, IReadOnlyList<string> StaticFiles);

    public static Result Load(string root, DiagnosticBag diagnostics, LoadedFileMemo? cache = null)
    {
        var contentDir = Path.Combine(root, "content");
        if (!Directory.Exists(contentDir))
        {
            return new Result([], []);
        }

        var markdown = new List<SafeTree.FileEntry>();
        var statics = new List<string>();
        foreach (var entry in SafeTree.Entries(root, contentDir, diagnostics))
        {
            var file = entry.Path;
            var name = Path.GetFileName(file);
            if (ContentFileTypes.HostControlFiles.Contains(name))
            {
                diagnostics.Warning(
                    DiagnosticCodes.HostControlFile,
                    new SourceLocation(SitePaths.Relative(root, file)),
                    $"{name} 是网站托管服务的配置文件，content/ 中的这个文件不会发布（安全响应头和跳转规则只在仓库根目录的 netlify.toml 中设置）");
                continue;
            }

            if (SafeTree.IsScratch(file))
            {
                continue;
            }

            if (file.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            {
                markdown.Add(entry);
            }
            else if (ContentFileTypes.Refusal(file) is { } refusal)
            {
                diagnostics.Error(DiagnosticCodes.StaticFileType, new SourceLocation(SitePaths.Relative(root, file)), refusal);
            }
            else
            {
                statics.Add(file);
            }
        }

        markdown.Sort((a, b) => string.CompareOrdinal(a.Path, b.Path));
        statics.Sort(StringComparer.Ordinal);
        var documents = new SourceDocument?[markdown.Count];
        var known = 0;
        Parallel.For(0, markdown.Count, i =>
        {
            if (cache is null)
            {
                documents[i] = LoadOne(root, markdown[i].Path, diagnostics);
                return;
            }

            documents[i] = LoadCached(root, markdown[i], diagnostics, cache, out var inMemo);
            if (inMemo)
            {
                Interlocked.Increment(ref known);
            }
        });
        cache?.ForgetExcept(markdown.Count, markdown.Select(entry => entry.Path), known);
        return new Result(
            documents.Where(d => d is not null).Select(d => d!).ToList(),
            statics.Select(f => SitePaths.Relative(root, f)).ToList());
    }

    /// <summary>
    /// An unchanged file (same modification time and size, as the listing found them, before the file
    /// is read) that loaded cleanly last time is not read again.
    /// </summary>
    /// <param name="inMemo">Whether the memo holds the path once this returns (counted, so the memo need not look every path up again to find the ones gone).</param>
    private static SourceDocument? LoadCached(string root, SafeTree.FileEntry file, DiagnosticBag diagnostics, LoadedFileMemo cache, out bool inMemo)
    {
        var fullPath = file.Path;
        if (cache.Find(fullPath, file.Length, file.LastWriteUtc, out inMemo) is { } known)
        {
            return known;
        }

        var local = new DiagnosticBag();
        var document = LoadOne(root, fullPath, local);
        diagnostics.AddRange(local);
        if (document is not null && local.Count == 0)
        {
            cache.Remember(fullPath, file.Length, file.LastWriteUtc, document);
            inMemo = true;
        }

        return document;
    }

    public static SourceDocument? LoadOne(string root, string fullPath, DiagnosticBag diagnostics)
    {
        var relative = SitePaths.Relative(root, fullPath);
        var segments = relative.Split('/');
        var section = segments.Length > 2 ? segments[1] : "pages";
        var parts = SourceText.Read(fullPath, FrontMatterSplitter.Split, detectGb18030: true, out var encoding);
        if (!SourceText.Report(encoding, relative, diagnostics))
        {
            return null;
        }

        if (parts.FrontMatter is null)
        {
            diagnostics.Error(
                DiagnosticCodes.MissingFrontMatter,
                new SourceLocation(relative, 1, 1),
                parts.Unterminated
                    ? "文件头（front matter）没有结束：缺少第二行 ---"
                    : "缺少文件头（front matter）：文件应以 --- 开始，写明标题等信息，再以 --- 结束");
            return null;
        }

        var yaml = new DiagnosticBag();
        var header = YamlReader.Read(parts.FrontMatter, relative, 1, yaml);
        diagnostics.AddRange(yaml);
        if (header is not null and not RawMap)
        {
            diagnostics.Error(DiagnosticCodes.WrongShape, header.Location, "文件头应是“键: 值”的形式，每行一个，例如 title: 标题");
            return null;
        }

        var map = header as RawMap ?? new RawMap([], new SourceLocation(relative, 2, 1));
        if (header is null && !string.IsNullOrWhiteSpace(parts.FrontMatter))
        {
            if (!yaml.HasErrors)
            {
                // Only comments: YAML reads "# title: …" as nothing at all, and the file would vanish without a word.
                diagnostics.Error(
                    DiagnosticCodes.EmptyFrontMatter,
                    new SourceLocation(relative, 2, 1),
                    "文件头里没有任何字段：以 # 开头的行在 YAML 中是注释，会被忽略，这篇不会生成页面。请去掉行首的 #，写成 title: 标题");
            }

            return null;
        }

        return new SourceDocument(relative, section, fullPath, map, parts.Body, parts.BodyStartLine);
    }
}
