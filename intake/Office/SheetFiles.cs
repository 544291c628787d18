using System.IO.Compression;

namespace Site.Intake.Office;

/// <summary>
/// What kind of file an office brought to an import, told from its first bytes rather than its name
/// (a .docx renamed .xlsx, a WPS .csv, an Excel 97–2003 .xls), so the refusal says what the file is
/// and how to make an .xlsx of it, in Chinese, before the spreadsheet library is given it. The
/// signatures: OLE2 compound file D0 CF 11 E0 A1 B1 1A E1 (.xls, .doc, .et, and an .xlsx with an
/// opening password, which Office encrypts into one); ZIP "PK\x03\x04" with xl/workbook.xml for a
/// workbook (ECMA-376 Part 2, the package's parts), word/ or ppt/ for a document or a presentation;
/// "%PDF-"; and text (no NUL byte at its start) for CSV or a page saved as .xls.
/// </summary>
public static class SheetFiles
{
    /// <summary>What to do with a file a spreadsheet program opens: 另存为 .xlsx in Excel or WPS.</summary>
    public const string SaveAsXlsx = "请在 Excel 或 WPS 表格中打开它，点“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再导入另存的 .xlsx 文件";

    /// <summary>What to do with a file no spreadsheet program opens (a Word document, a PDF).</summary>
    private const string CopyIntoSheet = "请把其中的内容复制到 Excel 或 WPS 表格中，按导入表的列填好，点“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再导入";

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
    /// which puts it there): 无法导入，这个文件是…，不是 Excel 工作簿（.xlsx）。请在 Excel 或 WPS 表格中打开它…;
    /// or, for a workbook too large unpacked, <see cref="UnpackedRefusal"/>.
    /// </summary>
    public static string? Refusal(Stream content)
    {
        var head = new byte[4096];
        content.Position = 0;
        var length = content.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        content.Position = 0;
        // A space between Han and a Latin word (是 Word 文档), as the rest of the messages write it.
        return Kind(content, head.AsSpan(0, length)) is { } kind
            ? $"无法导入，这个文件是{(char.IsAsciiLetter(kind.What[0]) ? " " : "")}{kind.What}，不是 Excel 工作簿（.xlsx）。{kind.Action}"
            : UnpackedRefusal(content);
    }

    /// <summary>The most one part (entry) of a workbook may hold unpacked, in bytes: a sheet of tens of thousands of rows is a few MB.</summary>
    public const long MaxPartBytes = 32L * 1024 * 1024;

    /// <summary>The most all the parts of a workbook together may hold unpacked, in bytes.</summary>
    public const long MaxUnpackedBytes = 64L * 1024 * 1024;

    /// <summary>
    /// Why the workbook package in <paramref name="content"/> is refused for its unpacked size (a "zip
    /// bomb": a few hundred KB that unpack to hundreds of MB, which the spreadsheet library would read
    /// into memory), as a Chinese sentence without the file's name; null when every part stays within
    /// <see cref="MaxPartBytes"/> and all together within <see cref="MaxUnpackedBytes"/>. Both the sizes
    /// the archive declares and the bytes each part really unpacks to are counted (System.IO.Compression
    /// stops a part at its declared size; the count keeps the bound should a part unpack to more),
    /// reading at most one buffer past the bound. A stream that is not a ZIP archive
    /// is null here (<see cref="Refusal"/> says what it is). The stream must be seekable and is left at its start.
    /// </summary>
    public static string? UnpackedRefusal(Stream content)
    {
        content.Position = 0;
        try
        {
            using var zip = new ZipArchive(content, ZipArchiveMode.Read, leaveOpen: true);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (entry.Length > MaxPartBytes || declared > MaxUnpackedBytes)
                {
                    return TooLargeUnpacked(entry.FullName);
                }
            }

            long total = 0;
            var buffer = new byte[81920];
            foreach (var entry in zip.Entries)
            {
                long part = 0;
                using var stream = entry.Open();
                int read;
                while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
                {
                    part += read;
                    total += read;
                    if (part > MaxPartBytes || total > MaxUnpackedBytes)
                    {
                        return TooLargeUnpacked(entry.FullName);
                    }
                }
            }

            return null;
        }
        catch (InvalidDataException)
        {
            // A part whose bytes do not unpack: the library's read says the workbook is damaged.
            return null;
        }
        finally
        {
            content.Position = 0;
        }
    }

    private static string TooLargeUnpacked(string part) =>
        $"无法导入，这个工作簿解压后太大（其中的“{part}”或全部内容超过上限：每个部分最多 {MaxPartBytes / 1024 / 1024} MB，合计最多 {MaxUnpackedBytes / 1024 / 1024} MB），"
        + "可能含有异常巨大的单元格，或不是正常保存的表格。请在 Excel 或 WPS 表格中打开它，删去多余的内容，点“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再导入另存的文件";

    /// <summary>What the file is, when not a workbook (旧版的 Excel 97-2003 工作簿…), and what to do; null for a workbook package.</summary>
    private static (string What, string Action)? Kind(Stream content, ReadOnlySpan<byte> head)
    {
        if (head.Length == 0)
        {
            return ("空文件（0 字节），可能没有保存或复制完整", "请打开原来的表格，点“文件 → 另存为”，文件类型选“Excel 工作簿 (*.xlsx)”，再导入另存的文件");
        }

        if (head.StartsWith(Ole2))
        {
            return ("旧版的 Excel 97-2003 工作簿（.xls）或 WPS 表格（.et）", SaveAsXlsx + "（如果它其实是设了打开密码的 .xlsx，请先取消密码再导入）");
        }

        if (head.StartsWith("%PDF-"u8))
        {
            return ("PDF 文件", CopyIntoSheet);
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
                    ? ("Word 文档（.docx），只是扩展名改成了表格的", CopyIntoSheet)
                    : names.Any(n => n.StartsWith("ppt/", StringComparison.OrdinalIgnoreCase))
                        ? ("PowerPoint 演示文稿（.pptx），只是扩展名改成了表格的", CopyIntoSheet)
                        : ("压缩包（.zip）", "请先解压，导入其中的 .xlsx 文件；里面没有时，请在 Excel 或 WPS 表格中打开表格，另存为“Excel 工作簿 (*.xlsx)”");
            }
            catch (InvalidDataException)
            {
                return ("损坏或不完整的压缩文件（可能没有下载或复制完整）", "请重新下载或复制这个文件；仍然不行时，在 Excel 或 WPS 表格中打开原表格，另存为“Excel 工作簿 (*.xlsx)”");
            }
            finally
            {
                content.Position = 0;
            }
        }

        if (!head.Contains((byte)0))
        {
            return head.IndexOf("<html"u8) >= 0 || head.IndexOf("<HTML"u8) >= 0 || head.IndexOf("<table"u8) >= 0
                ? ("网页（HTML）格式的文件，只是扩展名是表格的", SaveAsXlsx)
                : ("文本文件（CSV 逗号分隔文件或纯文本）", SaveAsXlsx);
        }

        return ("不认识的格式", SaveAsXlsx);
    }
}
