using System.Text.RegularExpressions;
using Site.Generator.Tests.Support;
using Snapshooter;
using Snapshooter.Xunit;

namespace Site.Generator.Tests.Pipeline;

/// <summary>
/// Whole pages of a small site, compared with approved snapshots in __snapshots__/: any change to
/// the markup shows up as a diff to review. CI sets SNAPSHOOTER_STRICT_MODE=true, so a missing
/// snapshot fails instead of being written.
/// </summary>
public sealed partial class HtmlSnapshotTests
{
    private const string Site = TestSite.MinimalConfig + """

        -- content/stories/2026/jiedai.md --
        ---
        title: 每月十五的接待日
        date: 2026-10-16
        column: 家站点动态
        author: 周通讯员
        tags: [接待日, 联络站]
        summary: 联络站接待群众二十一人次，当场答复十四件。
        ---
        ## 现场

        十月十五日，四位代表在联络站接待群众，**当场答复**十四件，其余转交有关部门。

        | 事项 | 件数 |
        |---|---:|
        | 当场答复 | 14 |
        | 转交办理 | 7 |
        -- content/stories/2026/dianti.md --
        ---
        title: 加装电梯的建议有了回音
        date: 2026-09-02
        column: 履职故事
        tags: [建议办理]
        ---
        详见[接待日的记录](jiedai.md)。
        """;

    [Theory]
    [InlineData("stories/jiedai/index.html")]
    [InlineData("columns/dongtai/index.html")]
    [InlineData("404.html")]
    [InlineData("feed.xml")]
    public async Task Page_MatchesApprovedSnapshot(string path)
    {
        using var site = await TestSite.BuildAsync(Site);
        site.AssertNoErrors();

        // Asset URLs carry a hash of the CSS and JS: a style change is not a markup change.
        var text = AssetHash().Replace(site.ReadFile(path), "?v=HASH");

        Snapshot.Match(text, SnapshotNameExtension.Create(path.Replace('/', '_')));
    }

    [GeneratedRegex(@"\?v=[0-9a-f]{6,}")]
    private static partial Regex AssetHash();
}
