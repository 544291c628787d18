using AngleSharp.Html.Parser;
using Site.Generator.Tests.Support;

namespace Site.Generator.Tests.Pipeline;

/// <summary>The bundled sample site: builds clean and every internal link of every page resolves.</summary>
[Collection(nameof(SampleSite))]
public sealed class SampleSiteTests(SampleSite sample)
{
    [Fact]
    public void Build_SampleSite_HasNoErrorsOrWarnings()
    {
        Assert.Empty(sample.Report.Diagnostics.Sorted());
    }

    // #26: a comment's receipt shows the report's outcome for its article, so the endpoint must be told them.
    [Fact]
    public void Build_SampleSite_PublishesEachReportsOutcomesToTheEndpoint()
    {
        var manifest = Site.Contracts.DraftManifest.Load(Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", Site.Contracts.DraftManifest.FileName));
        var first = manifest.Find("wuye-guanli-tiaoli-yishen")!;

        Assert.Equal(new DateOnly(2026, 8, 20), first.Feedback!.Published);
        Assert.Equal("/drafts/wuye-guanli-tiaoli-yishen/#feedback", first.Feedback.Url);
        var fourth = first.OutcomeFor("article-4")!;
        Assert.Equal("已在其他条款体现", fourth.Outcome);
        Assert.StartsWith("关于业主大会可以网上表决的意见", fourth.Reason);
        Assert.Null(manifest.Find("wuye-guanli-tiaoli")!.Feedback);
    }

    // #26: the office's export names the draft's reading and gives each article's text, from the manifest.
    [Fact]
    public void Build_SampleSite_PublishesEachDraftsReadingAndArticleText()
    {
        var manifest = Site.Contracts.DraftManifest.Load(Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", Site.Contracts.DraftManifest.FileName));
        var draft = manifest.Find("wuye-guanli-tiaoli")!;

        Assert.Equal("二审", draft.Reading);
        var third = draft.Articles.Single(a => a.Anchor == "article-3");
        Assert.StartsWith("业主大会会议可以采用集体讨论的形式", third.Text);
    }

    [Fact]
    public void Build_SampleSite_EveryInternalLinkResolves()
    {
        var parser = new HtmlParser();
        var broken = new List<string>();
        foreach (var file in Directory.EnumerateFiles(sample.Output, "*.html", SearchOption.AllDirectories))
        {
            var document = parser.ParseDocument(File.ReadAllText(file));
            var links = document.QuerySelectorAll("a[href], link[href], img[src], script[src]")
                .Select(e => e.GetAttribute("href") ?? e.GetAttribute("src")!)
                .Where(u => u.StartsWith('/') && !u.StartsWith("//", StringComparison.Ordinal) && !u.StartsWith("/api/", StringComparison.Ordinal));
            foreach (var link in links)
            {
                var path = Uri.UnescapeDataString(link.Split('#', '?')[0]);
                var target = Path.Combine(sample.Output, path.TrimStart('/'));
                if (!(path.EndsWith('/') ? File.Exists(Path.Combine(target, "index.html")) : File.Exists(target)))
                {
                    broken.Add($"{Path.GetRelativePath(sample.Output, file)} → {link}");
                }
            }
        }

        Assert.Empty(broken);
    }

    [Fact]
    public void Build_SampleSite_DeputyRosterIsInStrokeOrder()
    {
        var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, "deputies/index.html")));
        var names = page.QuerySelectorAll("#deputy-table tbody tr").Select(r => r.GetAttribute("data-name")!).ToList();

        Assert.Equal(60, names.Count);
        Assert.Equal(names.OrderBy(n => n, Comparer<string>.Create(Site.Generator.Linking.StrokeOrder.Compare)), names);
    }

    // A citizen typing 陳 in the roster's filter found nobody while the site search found 陈美华: the
    // filter gets the traditional forms of the characters its own names use, and only those.
    [Fact]
    public void Build_SampleSite_NameFiltersCarryASmallTraditionalFoldOfTheirOwnNames()
    {
        foreach (var (file, target) in new[] { ("deputies/index.html", "#deputy-table tbody tr"), ("stations/index.html", "#station-groups [data-name]") })
        {
            var page = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, file)));
            var pairs = page.QuerySelector("input[data-filter-target][data-fold]")!.GetAttribute("data-fold")!;
            Assert.Equal(0, pairs.Length % 2);
            var fold = pairs.Chunk(2).ToDictionary(p => p[0].ToString(), p => p[1].ToString());
            var used = page.QuerySelectorAll(target).SelectMany(r => r.GetAttribute("data-name")!).ToHashSet();

            Assert.All(fold, pair =>
            {
                Assert.Equal(pair.Value, Site.Search.SimplifiedFolding.Fold(pair.Key));
                Assert.Contains(pair.Value[0], used);
            });
            var wanted = Site.Search.SimplifiedFolding.Pairs().Where(p => used.Contains(p.Simplified)).Select(p => p.Traditional.ToString());
            Assert.Equal(wanted.Order(StringComparer.Ordinal), fold.Keys.Order(StringComparer.Ordinal));
            Assert.InRange(pairs.Length, 2, 800);
        }

        var deputies = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(sample.Output, "deputies/index.html")));
        Assert.Contains("陳陈", deputies.QuerySelector("#name-filter")!.GetAttribute("data-fold"));
    }

    [Fact]
    public void Build_SampleSite_StoryPageIsSmall()
    {
        var html = File.ReadAllBytes(Path.Combine(sample.Output, "stories/yisuhe-jiedai-ri/index.html"));
        var css = File.ReadAllBytes(Path.Combine(sample.Output, "assets/site.css"));

        Assert.True(Compressed(html) + Compressed(css) < 30 * 1024);
    }

    private static long Compressed(byte[] bytes)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(buffer, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(bytes);
        }

        return buffer.Length;
    }
}
