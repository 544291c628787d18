using System.CommandLine;
using System.Globalization;
using Site.Generator.Build;
using Site.Generator.Diagnostics;
using Site.Generator.Commands;
using Site.Generator.Replacements;
using Site.Generator.Serving;

// site build | check | serve | export | import | template — exit 0 ok, 1 content errors, 2 internal failure.
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
var libraryPathsOption = new Option<bool>("--library-paths") { Description = "不用手写的快速实现，全部交给程序库（YamlDotNet、QRCoder），用于核对结果是否一致", Recursive = true };
var portOption = new Option<int>("--port") { Description = "本地预览端口（默认：8080）", HelpName = "端口", DefaultValueFactory = _ => 8080 };

var build = new Command("build", "生成整个网站到 _site/") { rootOption, outOption };
build.SetAction((parse, token) => RunBuildAsync(parse.GetValue(rootOption)!, parse.GetValue(outOption), checkOnly: false, token));

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
var formatOption = new Option<string>("--format") { Description = "csv（UTF-8，Excel 可直接打开）或 xlsx（默认）", HelpName = "csv|xlsx", DefaultValueFactory = _ => "xlsx" };
formatOption.AcceptOnlyFromAmong(Site.Intake.Export.CommentExport.Formats);
var exportOutOption = new Option<FileInfo?>("--out") { Description = "导出文件（默认：<root>/.data/exports/<草案编号>-comments-<日期时间>.<格式>，该目录不进入 git）", HelpName = "文件" };
var postgresOption = new Option<string?>("--postgres") { Description = "PostgreSQL 连接字符串（默认读取 <root>/.data/comments.db）", HelpName = "连接字符串" };
var export = new Command("export", "导出某部法规草案收到的全部意见（含联系方式，仅供工作人员）") { rootOption, draftOption, formatOption, exportOutOption, postgresOption };
export.SetAction((parse, token) => CommentExportCommand.RunAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(draftOption)!, parse.GetValue(formatOption)!, parse.GetValue(exportOutOption)?.FullName, parse.GetValue(postgresOption), token));

var importFileOption = new Option<FileInfo>("--file") { Description = "线下收集的意见表（.xlsx）：渠道、收到日期、条款、意见内容、提出人/单位（可选）", HelpName = "文件", Required = true };
var import = new Command("import", "导入来信、座谈会、电话、基层立法联系点等线下收集的意见（可重复导入，不会重复保存）") { rootOption, draftOption, importFileOption, postgresOption };
import.SetAction((parse, token) => CommentExportCommand.ImportAsync(
    parse.GetValue(rootOption)!.FullName, parse.GetValue(draftOption)!, parse.GetValue(importFileOption)!.FullName, parse.GetValue(postgresOption), token));

var templateOutOption = new Option<FileInfo>("--out") { Description = "写出的模板文件（.xlsx）", HelpName = "文件", Required = true };
var template = new Command("template", "写出代表名单 Excel 模板：表头与生成器读取的列一致，附一行示例") { templateOutOption };
template.SetAction((parse, token) => RosterTemplateCommand.RunAsync(parse.GetValue(templateOutOption)!.FullName, token));

var siteOption = new Option<DirectoryInfo?>("--site") { Description = "要核验的网站目录（默认：<root>/_site）" };
var publicKeyOption = new Option<string?>("--public-key") { Description = "信任的公钥（Base64）；不给时用清单中写的公钥" };
var verify = new Command("verify", "核验网站目录中的每个文件是否与签名清单一致（0 一致，1 有文件不一致或缺少）") { rootOption, siteOption, publicKeyOption };
verify.SetAction(parse => VerifyCommand.Run(
    parse.GetValue(siteOption)?.FullName ?? Path.Combine(parse.GetValue(rootOption)!.FullName, "_site"), parse.GetValue(publicKeyOption), Console.Out, Console.Error));

var root = new RootCommand("人大代表履职服务平台 静态网站生成器") { build, check, serve, export, import, template, verify };
root.Options.Add(libraryPathsOption);
ChineseCommandLine.Apply(root);
try
{
    var parse = root.Parse(args);
    LibraryPaths.Enabled |= parse.GetValue(libraryPathsOption);
    // Our own handler below, not System.CommandLine's (which prints the exception and returns 1,
    // the exit code of a content error): an internal failure must exit 2, as the README says.
    return parse.Errors.Count > 0 && !ChineseCommandLine.AsksForHelp(parse)
        ? ChineseCommandLine.ReportErrors(parse, Console.Error)
        : await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
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

static async Task<int> RunBuildAsync(DirectoryInfo root, DirectoryInfo? output, bool checkOnly, CancellationToken token)
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
    return 0;
}
