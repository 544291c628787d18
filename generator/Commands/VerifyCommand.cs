using Site.Generator.Writing;

namespace Site.Generator.Commands;

/// <summary>`verify`: checks a site folder against its signed manifest. Exit 0 when every file matches, 1 otherwise (each file named).</summary>
public static class VerifyCommand
{
    public static int Run(string siteFolder, string? publicKey, TextWriter output, TextWriter errors)
    {
        if (!Directory.Exists(siteFolder))
        {
            errors.WriteLine($"找不到网站目录 {siteFolder}");
            return 1;
        }

        var result = SiteManifest.Verify(siteFolder, publicKey);
        foreach (var problem in result.Problems)
        {
            errors.WriteLine($"{siteFolder}/{problem}".Replace("//", "/"));
        }

        if (result.Problems.Count > 0)
        {
            errors.WriteLine($"核验未通过：{result.Problems.Count} 处不一致。");
            return 1;
        }

        output.WriteLine($"核验通过：{result.Checked} 个文件与签名清单一致（公钥 {result.PublicKey}{(publicKey is null ? "，取自清单，请与本机关公布的公钥核对" : "")}）。");
        return 0;
    }
}
