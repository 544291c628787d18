using System.Net;
using System.Text;
using Site.Generator.Writing;
using Site.Theme.Templates;
using Site.Theme.ViewModels;
using Site.Generator.Vocabulary;

namespace Site.Generator.Rendering.Pages;

/// <summary>/verify/: how to check that the site is the one the office published, and the public key (also as a text file).</summary>
public static class VerifyPages
{
    public static IEnumerable<PageJob> Plan(PageContext context)
    {
        if (context.SigningPublicKey is not { } key)
        {
            yield break;
        }

        var site = context.Site;
        yield return PageJob.File(SiteRoutes.PublicKey, () => Encoding.ASCII.GetBytes(key + "\n"));
        yield return PageJob.For<PlainPageTemplate, PlainPageView>(SiteRoutes.Verify, () => new PlainPageView(
            new PageMeta("核验网站内容", "核对本网站的文件是否与发布时一致", SiteRoutes.Verify, "verify", [new Crumb("核验网站内容", null)]),
            "核验网站内容",
            Body(site.Config.AbsoluteUrl("/"), key)));
    }

    private static string Body(string home, string key)
    {
        var manifest = SiteRoutes.Manifest;
        var signature = SiteRoutes.ManifestSignature;
        return $"""
            <p>每次发布网站时，系统为网站上的每一个文件计算 SHA-256 摘要，写入 <a href="{manifest}">{manifest.TrimStart('/')}</a>，并用本机关的 Ed25519 私钥对这份清单签名（<a href="{signature}">{signature.TrimStart('/')}</a>）。任何一个文件在发布后被改动、删除或增加，都能被核验出来。</p>
            <h2 id="public-key">公钥</h2>
            <p>本网站的签名公钥（Base64）：</p>
            <p><code class="public-key">{WebUtility.HtmlEncode(key)}</code></p>
            <p>也可下载 <a href="{SiteRoutes.PublicKey}">{SiteRoutes.PublicKey.TrimStart('/')}</a>。请通过其他途径（如本机关的公告）核对公钥，不要只相信网站上的这一份。</p>
            <h2 id="how">如何核验</h2>
            <ol>
            <li>把网站（{WebUtility.HtmlEncode(home)}）的全部文件下载到一个目录，例如 <code>site/</code>。</li>
            <li>在本网站的源代码目录运行：<code>dotnet run --project generator -- verify --site site/ --public-key {WebUtility.HtmlEncode(key)}</code></li>
            <li>全部文件与清单一致时显示“核验通过”；否则逐个列出不一致、缺少或多出的文件。</li>
            </ol>
            <p>也可以不用本程序：用任何 Ed25519 工具以上面的公钥核对 {manifest.TrimStart('/')} 的签名，再逐个计算文件的 SHA-256 与清单比较。</p>
            """;
    }
}
