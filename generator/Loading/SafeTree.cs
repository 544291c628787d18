using System.IO.Enumeration;
using Site.Generator.Diagnostics;

namespace Site.Generator.Loading;

/// <summary>
/// Lists the files of a source folder (content/, input/…, theme/assets/) without ever leaving it.
/// Content arrives through pull requests, and git stores symbolic links: a link to /etc/passwd or to
/// a folder elsewhere on the build machine would otherwise be read and published. Every symbolic
/// link, to a file or a folder, at any depth (the folder itself included) is reported as an error
/// at its path and neither followed nor listed, so nothing it points at is read or copied, and a link
/// to it fails the link check.
/// </summary>
public static class SafeTree
{
    /// <summary>
    /// Every file under <paramref name="folder"/> that is not a link (full paths, unsorted). Empty if
    /// the folder does not exist or is itself a link (reported).
    /// </summary>
    /// <param name="root">The site root, for the relative paths diagnostics name.</param>
    public static List<string> Files(string root, string folder, DiagnosticBag diagnostics) =>
        Entries(root, folder, diagnostics).ConvertAll(entry => entry.Path);

    /// <summary>A file the listing found: its full path, size in bytes and last write time (UTC).</summary>
    public readonly record struct FileEntry(string Path, long Length, DateTime LastWriteUtc);

    /// <summary>
    /// As <see cref="Files"/>, with each file's size and modification time. The listing already reads
    /// each entry's status to tell links apart, so these come without a second lookup per file (a
    /// rebuild compares them for every Markdown file of the site).
    /// </summary>
    public static List<FileEntry> Entries(string root, string folder, DiagnosticBag diagnostics)
    {
        if (!IsPlainFolder(root, folder, diagnostics))
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = 0,
            IgnoreInaccessible = false,
            ReturnSpecialDirectories = false,
        };
        var files = new List<FileEntry>();
        var entries = new FileSystemEnumerable<(FileEntry File, bool IsLink, bool IsDirectory)>(
            folder,
            (ref FileSystemEntry entry) => IsLink(ref entry) || entry.IsDirectory
                ? (new FileEntry(entry.ToFullPath(), 0, default), IsLink(ref entry), entry.IsDirectory)
                : (new FileEntry(entry.ToFullPath(), entry.Length, entry.LastWriteTimeUtc.UtcDateTime), false, false),
            options)
        {
            // A link is listed (to be reported) but never entered.
            ShouldIncludePredicate = (ref FileSystemEntry entry) => IsLink(ref entry) || !entry.IsDirectory,
            ShouldRecursePredicate = (ref FileSystemEntry entry) => !IsLink(ref entry),
        };
        foreach (var (file, isLink, isDirectory) in entries)
        {
            if (isLink)
            {
                ReportLink(root, file.Path, isDirectory, diagnostics);
                continue;
            }

            files.Add(file);
        }

        return files;
    }

    /// <summary>
    /// True if <paramref name="folder"/> exists and neither it nor any folder between
    /// <paramref name="root"/> and it is a symbolic link; a link is reported.
    /// </summary>
    public static bool IsPlainFolder(string root, string folder, DiagnosticBag diagnostics)
    {
        if (!Directory.Exists(folder))
        {
            return false;
        }

        var relative = Path.GetRelativePath(root, folder);
        var current = root;
        foreach (var part in relative.Split(Path.DirectorySeparatorChar, StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (new DirectoryInfo(current).LinkTarget is not null)
            {
                ReportLink(root, current, isDirectory: true, diagnostics);
                return false;
            }
        }

        return true;
    }

    /// <summary>True if <paramref name="file"/> exists, is not a link, and lies in a plain folder; a link is reported.</summary>
    public static bool IsPlainFile(string root, string file, DiagnosticBag diagnostics)
    {
        if (!IsPlainFolder(root, Path.GetDirectoryName(file)!, diagnostics))
        {
            return false;
        }

        var info = new FileInfo(file);
        if (info.LinkTarget is not null)
        {
            ReportLink(root, file, isDirectory: false, diagnostics);
            return false;
        }

        return info.Exists;
    }

    /// <summary>Editor swap files and Office lock files (.x.swp, ~$名单.xlsx): never read.</summary>
    public static bool IsScratch(string path) => Path.GetFileName(path) is var name && (name.StartsWith('.') || name.StartsWith('~'));

    private static bool IsLink(ref FileSystemEntry entry) => (entry.Attributes & FileAttributes.ReparsePoint) != 0;

    private static void ReportLink(string root, string path, bool isDirectory, DiagnosticBag diagnostics) =>
        diagnostics.Error(
            DiagnosticCodes.LinkRefused,
            new SourceLocation(SitePaths.Relative(root, path)),
            isDirectory
                ? "这是一个指向别处的文件夹链接（符号链接），不会读取也不会发布其中任何文件：请把文件本身放进这个文件夹"
                : "这是一个指向别处的文件链接（符号链接），不会读取也不会发布：请把文件本身放在这里");
}
