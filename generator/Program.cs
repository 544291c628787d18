using System.CommandLine;
using System.Globalization;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Commands;
using Site.Generator.Replacements;
using Site.Generator.Serving;

// site build | check | serve | export | import | template | verify | messages | privacy — exit 0 ok, 1 content errors, 2 internal failure.
// Staff read the help and the parser's messages (a missing option, an unknown verb) in Chinese:
// System.CommandLine ships them in zh-Hans, chosen by the UI culture.
CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("zh-Hans");
var rootOption = new Option<DirectoryInfo>("--root")
{
    Description = "站点目录：包含 content/、input/、theme/（默认：当前目录）",
    HelpName = "目录",
    DefaultValueFactory = _ => new DirectoryInfo(Directory.GetCurrentDirectory()),
};
var outOption = new Option<DirectoryInfo?>("--out") { Description = "输出目录（默认：<root>/_site）", HelpName = "目录" };
var libraryPathsOption = new Option<bool>("--library-paths") { Description = "不用手写的快速实现，全部交给程序库（YamlDotNet、QRCoder、SkiaSharp 的 PNG、Lucene 的分词与 SmartCn 分词），用于核对结果是否一致", Recursive = true };
var portOption = new Option<int>("--port") { Description = "本地预览端口（默认：8080）", HelpName = "端口", DefaultValueFactory = _ => 8080 };

var timingsOption = new Option<bool>("--timings") { Description = "另起一行显示每一步的用时和处理器时间（用于性能测试）" };
var build = new Command("build", "生成整个网站到 _site/") { rootOption, outOption, timingsOption };
build.SetAction((parse, token) => RunBuildAsync(parse.GetValue(rootOption)!, parse.GetValue(outOption), checkOnly: false, token, parse.GetValue(timingsOption)));

var check = new Command("check", "只检查内容和数据，不生成文件") { rootOption };
check.SetAction((parse, token) => RunBuildAsync(parse.GetValue(rootOption)!, null, checkOnly: true, token));

var verboseOption = new Option<bool>("--verbose") { Description = "显示每个请求的日志（默认只显示警告和错误）" };
var serve = new Command("serve", "生成网站，监视改动并在本机预览（含意见征集接口）") { rootOption, outOption, portOption, verboseOption };
serve.SetAction((parse, token) => DevServer.RunAsync(
    BuildOptions.For(parse.GetValue(rootOption)!.FullName, parse.GetValue(outOption)?.FullName),
    parse.GetValue(portOption),
    token,
    parse.GetValue(verboseOption)));

var draftOption = new Option<string>("--draft") { Description = "法规草案编号（网址中的名称，如 wuye-guanli-tiaoli）", HelpName = "编号", Required = true };
var formatOption = new Option<string?>("--format") { Description = "csv（UTF-8，Excel 可直接打开）或 xlsx（默认：按 --out 的扩展名，没有 --out 时 xlsx）", HelpName = "csv|xlsx" };
formatOption.AcceptOnlyFromAmong(Site.Intake.Export.CommentExport.Formats);
var exportOutOption = new Option<FileInfo?>("--out") { Description = "导出文件，.xlsx 或 .csv，所在文件夹须已存在（默认：<root>/.data/exports/<草案编号>-comments-<日期时间>.<格式>，该目录不进入 git）", HelpName = "文件" };
var postgresOption = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（默认读取 <root>/.data/comments.db）", HelpName = "连接字符串" };
var export = new Command("export", "导出某部法规草案收到的全部意见（含联系方式，仅供工作人员）") { rootOption, draftOption, formatOption, exportOutOption, postgresOption };
export.SetAction((parse, token) => CommentExportCommand.RunAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(draftOption)!, parse.GetValue(formatOption), parse.GetValue(exportOutOption)?.FullName, parse.GetValue(postgresOption), token));

var importFileOption = new Option<FileInfo>("--file") { Description = "线下收集的意见表（.xlsx）：渠道、收到日期、条款、意见内容、提出人/单位、联系点、人数（可选）", HelpName = "文件", Required = true };
var batchArgument = new Argument<string>("批次号") { Description = "导入成功时显示的批次号，如 PC261120-7KQ2" };
var forceOption = new Option<bool>("--force") { Description = "这部草案的意见在导入后已导出过、或已公布意见采纳情况时，仍然撤销" };
var undoImport = new Command("undo", "撤销一次线下意见导入：只删除这一批新导入的意见，并列出删除了哪些") { batchArgument, rootOption, forceOption, postgresOption };
undoImport.SetAction((parse, token) => CommentExportCommand.UndoImportAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(batchArgument)!, parse.GetValue(forceOption), parse.GetValue(postgresOption), token));
var import = new Command("import", "导入来信、座谈会、电话、基层立法联系点等线下收集的意见（可重复导入，不会重复保存；import undo 批次号 撤销一次导入）") { rootOption, draftOption, importFileOption, postgresOption, undoImport };
import.SetAction((parse, token) => CommentExportCommand.ImportAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(draftOption)!, parse.GetValue(importFileOption)!.FullName, parse.GetValue(postgresOption), token));

var templateOutOption = new Option<FileInfo>("--out") { Description = "写出的模板文件（.xlsx）", HelpName = "文件", Required = true };
var template = new Command("template", "写出代表名单 Excel 模板：表头与生成器读取的列一致，附一行示例") { rootOption, templateOutOption };
template.SetAction((parse, token) => RosterTemplateCommand.RunAsync(parse.GetValue(rootOption)!.FullName, parse.GetValue(templateOutOption)!.FullName, token));

var siteOption = new Option<DirectoryInfo?>("--site") { Description = "要核验的网站目录（默认：<root>/_site）" };
var publicKeyOption = new Option<string?>("--public-key") { Description = "信任的公钥（Base64）；不给时用清单中写的公钥" };
var verify = new Command("verify", "核验网站目录中的每个文件是否与签名清单一致（0 一致，1 有文件不一致或缺少）") { rootOption, siteOption, publicKeyOption };
verify.SetAction(parse => VerifyCommand.Run(
    parse.GetValue(siteOption)?.FullName ?? Path.Combine(parse.GetValue(rootOption)!.FullName, "_site"), parse.GetValue(publicKeyOption), Console.Out, Console.Error));

var receiptOption = new Option<string>("--receipt") { Description = "回执编号（如 YJ261123-7KQ2M9PX）", HelpName = "编号", Required = true };
var byOption = new Option<string>("--by") { Description = "经办人姓名，记入个人信息处理记录", HelpName = "姓名", Required = true };
var textOption = new Option<string>("--text") { Description = "更正后的完整内容（替换原内容）", HelpName = "内容", Required = true };
var dryRunOption = new Option<bool>("--dry-run") { Description = "只列出将清除多少条，不改动" };
var correct = new Command("correct", "应本人要求更正一条意见或留言的内容（记录经办人和时间，不记录内容）") { rootOption, receiptOption, textOption, byOption, postgresOption };
correct.SetAction((parse, token) => PrivacyCommand.CorrectAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(postgresOption), parse.GetValue(receiptOption)!, parse.GetValue(textOption)!, parse.GetValue(byOption)!, token));
var delete = new Command("delete", "应本人要求删除一条意见或留言（记录经办人和时间；凭回执查询显示“已应本人要求删除”）") { rootOption, receiptOption, byOption, postgresOption };
delete.SetAction((parse, token) => PrivacyCommand.DeleteAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(postgresOption), parse.GetValue(receiptOption)!, parse.GetValue(byOption)!, token));
var purge = new Command("purge", "清除已过保存期的姓名和联系方式（保存期见网站“个人信息保护说明”）") { rootOption, byOption, dryRunOption, postgresOption };
purge.SetAction((parse, token) => PrivacyCommand.PurgeAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(postgresOption), parse.GetValue(byOption)!, parse.GetValue(dryRunOption), token));
var privacy = new Command("privacy", "个人信息：更正、删除意见或留言，清除过期的联系方式（仅供工作人员）") { correct, delete, purge };

var sinceOption = new Option<string?>("--since") { Description = "只导出这一天以来收到的留言（如 2026-03-01）", HelpName = "日期" };
var allOption = new Option<bool>("--all") { Description = "连已办结的留言一起导出（默认只导出未办结的）" };
var messagesOutOption = new Option<FileInfo?>("--out") { Description = "导出文件：.xlsx（办理表，可填写后导入）或 .csv（UTF-8，供查看），所在文件夹须已存在（默认：<root>/.data/exports/messages-<日期时间>.xlsx，该目录不进入 git）", HelpName = "文件" };
var messagesExport = new Command("export", "导出留言办理表（.xlsx，含联系方式，仅供工作人员）") { rootOption, sinceOption, allOption, messagesOutOption, postgresOption };
messagesExport.SetAction((parse, token) => MessageOfficeCommand.ExportAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(sinceOption), parse.GetValue(allOption), parse.GetValue(messagesOutOption)?.FullName, parse.GetValue(postgresOption), token));
var replySheetOption = new Option<FileInfo>("--file") { Description = "填好的留言办理表（.xlsx）", HelpName = "文件", Required = true };
var overwriteOption = new Option<bool>("--overwrite") { Description = "表中的答复比系统中已记录的旧时（较早导出的表格），仍用表中的答复替换（默认保留较新的答复，并列出这些行）" };
var messagesImport = new Command("import", "导入填好的留言办理表：有任何错误时全部不导入，并列出每一处错误") { rootOption, replySheetOption, overwriteOption, postgresOption };
messagesImport.SetAction((parse, token) => MessageOfficeCommand.ImportAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(replySheetOption)!.FullName, parse.GetValue(postgresOption), token, parse.GetValue(overwriteOption)));
var messages = new Command("messages", "留言办理：导出留言办理表，导入办理情况和答复（仅供工作人员）") { messagesExport, messagesImport };

var root = new RootCommand("人大代表履职服务平台 静态网站生成器") { build, check, serve, export, import, template, verify, messages, privacy };
root.Options.Add(libraryPathsOption);
ChineseCommandLine.Apply(root);
try
{
    var parse = root.Parse(args);
    LibraryPaths.Enabled |= parse.GetValue(libraryPathsOption);
    if (NativeBuild.Refuses(parse.CommandResult.Command, LibraryPaths.Enabled) is { } refusal)
    {
        Console.Error.WriteLine(refusal);
        return 1;
    }

    // Our own handler below, not System.CommandLine's (which prints the exception and returns 1,
    // the exit code of a content error): an internal failure must exit 2, as the README says.
    return parse.Errors.Count > 0 && !ChineseCommandLine.AsksForHelp(parse)
        ? ChineseCommandLine.ReportErrors(parse, Console.Error)
        : await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Microsoft.Extensions.Options.OptionsValidationException ex)
{
    // `serve` with a setting the endpoint cannot use (a weak Intake:ExportToken): say which, exit 1.
    Console.Error.WriteLine("错误：" + string.Join("；", ex.Failures));
    return 1;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("已取消（Ctrl+C）。");
    return 130; // the shell's code for an interrupted command
}
catch (Exception ex)
{
    Console.Error.WriteLine($"内部错误（请报告给开发者）：{ex}");
    return 2;
}

static async Task<int> RunBuildAsync(DirectoryInfo root, DirectoryInfo? output, bool checkOnly, CancellationToken token, bool timings = false)
{
    var options = BuildOptions.For(root.FullName, output?.FullName, checkOnly);
    var report = await BuildPipeline.RunAsync(options, token);
    ConsoleReporter.Report(report.Diagnostics, Console.Error);
    if (!report.Succeeded)
    {
        Console.Error.WriteLine(checkOnly ? "检查未通过。" : "生成失败，原有网站保持不变。");
        return 1;
    }

    if (report.SigningKeyEphemeral)
    {
        Console.Error.WriteLine($"注意：未配置签名私钥（{Site.Generator.Writing.SigningKey.EnvironmentVariable} 或 {Site.Generator.Writing.SigningKey.FileVariable}），本次用临时密钥签名，仅供本机预览，不能用于发布。");
    }

    Console.WriteLine(checkOnly
        ? $"检查通过：{report.Summary()}"
        : $"已生成 {report.Pages} 个页面，写出 {report.FilesWritten} 个文件（{report.FilesUnchanged} 个未变）到 {options.Output}：{report.Summary()}");
    if (timings)
    {
        Console.WriteLine($"steps: {report.SummaryWithCpu()}");
        Console.WriteLine($"gc: gen0 {GC.CollectionCount(0)}, gen1 {GC.CollectionCount(1)}, gen2 {GC.CollectionCount(2)}, paused {GC.GetTotalPauseDuration().TotalMilliseconds:0} ms, allocated {GC.GetTotalAllocatedBytes() / (1 << 20)} MiB; allocated by step: {report.SummaryWithGc()}");
    }

    return 0;
}
