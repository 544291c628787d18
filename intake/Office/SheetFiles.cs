using System.IO.Compression;

namespace Site.Intake.Office;

/// <summary>
/// What kind of file an office brought to an import, told from its first bytes rather than its name
/// (a .docx renamed .xlsx, a WPS .csv, an Excel 97–2003 .xls), so the refusal says what the file is
/// and how to make an .xlsx of it, in Chinese, before the spreadsheet library is given it. The
/// signatures: OLE2 compound file D0 CF 11 E0 A1 B1 1A E1 (.xls, .doc, .et, and an .xlsx with an
/// opening password, which Office encrypts into one); ZIP "PK\x03\x04" with xl/workbook.xml for a
/// workbook (ECMA-376 Part 2, the package's parts), word/ or ppt/ for a document or a presentation;
/// "%PDF-"; and text (no NUL byte in the first 4 KB) for CSV or a page saved as .xls.
/// </summary>
public static class SheetFiles
{
    /// <summary>What to do, the same for every refusal: 另存为 in Excel or WPS.</summary>
    public const string SaveAsXlsx = "请在 Excel 或 WPS 表格中打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再导入另存的 .xlsx 文件";

    private static readonly byte[] Ole2 = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>
    /// Why the file at <paramref name="path"/> (shown as <paramref name="file"/>) cannot be imported as an
    /// .xlsx workbook, as one Chinese sentence naming the file and saying what to do; null when it is a
    /// workbook package (whose sheets may still be wrong: the importer says so).
    /// </summary>
    public static string? Problem(string path, string file)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return Problem(stream, file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return $"{file}：无法打开这个文件（它可能正在 Excel 或 WPS 中打开，或没有读取权限）：请关闭它后再导入";
        }
    }

    /// <summary>As <see cref="Problem(string, string)"/>, for a file's content; the stream must be seekable and is left at its start.</summary>
    public static string? Problem(Stream content, string file) => Refusal(content) is { } refusal ? $"{file}：{refusal}" : null;

    /// <summary>
    /// As <see cref="Problem(Stream, string)"/> without the file's name in front (for <see cref="SheetProblem"/>,
    /// which puts it there): 无法导入，它是…。请在 Excel 或 WPS 表格中打开它….
    /// </summary>
    public static string? Refusal(Stream content)
    {
        var head = new byte[4096];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        var what = Kind(content, head.AsSpan(0, length));
        return what is null ? null : $"无法导入，{what}，导入只读 Excel 工作簿（.xlsx）。{SaveAsXlsx}";
    }

    /// <summary>What the file is, when not a workbook (这是…); null for a workbook package.</summary>
    private static string? Kind(Stream content, ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return "文件是空的（0 字节），可能没有保存完整";
        }

        if (head.StartsWith(Ole2))
        {
            return "它是旧版的 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）；如果它其实是设置了打开密码的 .xlsx，请先取消密码";
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return "它是 PDF 文件，不是表格";
        }

        if (head.StartsWith("PK\u0003\u0004"u8))
        {
            try
            {
                using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
                var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.OrdinalIgnoreCase);
                if (names.Contains("xl/workbook.xml"))
                {
                    return null;
                }

                return names.Any(n => n.StartsWith("word/", StringComparison.OrdinalIgnoreCase))
                    ? "它是 Word 文档（.docx），只是改了扩展名；请把意见复制到表格中"
                    : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase))
                        ? "它是 PowerPoint 演示文稿（.pptx），只是改了扩展名"
                        : "它是一个压缩包（.zip），不是 Excel 工作簿";
            }
            catch (InvalidDataException)
            {
                return "它是损坏或不完整的压缩文件（可能没有下载或复制完整）";
            }
            finally
            {
                content.Position = 0;
            }
        }

        if (!head.Contains((byte)0))
        {
            return head.IndexOf("<html"u8) >= 0 || head.IndexOf("<HTML"u8) >= 0 || head.IndexOf("<table"u8) >= 0
                ? "它是网页（HTML）格式的文件，只是扩展名是表格的"
                : "它是文本文件（如 CSV 逗号分隔文件），不是 Excel 工作簿";
        }

        return "它不是 Excel 工作簿";
    }
}
