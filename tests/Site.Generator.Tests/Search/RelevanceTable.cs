namespace Site.Generator.Tests.Search;

/// <summary>
/// What people type into the search box, and the page they expect near the top: on the sample site
/// (a name finds its page first; a topic finds the page about it among the first three), and on
/// real regulation texts (<c>Regulations/</c>, URLs under /laws/). Used by
/// <c>SearchRelevanceTests</c> (each query's bound) and by the benchmark command <c>relevance</c>
/// (MRR and precision@5 of the whole table). No test framework here: the benchmark links this file.
/// </summary>
public static class RelevanceTable
{
    /// <param name="Expected">The page a person means; it must be within the first <paramref name="WithinTop"/>.</param>
    /// <param name="AlsoRelevant">Other pages that answer the query as well (counted by precision@5).</param>
    public sealed record Entry(string Query, string Expected, int WithinTop, params string[] AlsoRelevant)
    {
        public bool IsRealText => Expected.StartsWith("/laws/", StringComparison.Ordinal);

        public IReadOnlySet<string> Relevant => new HashSet<string>(AlsoRelevant.Prepend(Expected), StringComparer.Ordinal);
    }

    public static readonly IReadOnlyList<Entry> Sample =
    [
        // Deputies by full name, by a fragment, by a compound surname, by id.
        new("王建国", "/deputies/D0001/", 1),
        new("欧阳红梅", "/deputies/D0005/", 1),
        new("令狐", "/deputies/D0012/", 1),
        new("叶瑜", "/deputies/D0031/", 1),
        new("汤馥君", "/deputies/D0032/", 1),
        new("D0031", "/deputies/D0031/", 1),
        new("曹熙瑶", "/deputies/D0009/", 1),

        // Deputies by pinyin, as typed on a phone: whole, in syllables, initials, a start.
        new("wangjianguo", "/deputies/D0001/", 1),
        new("wang jian guo", "/deputies/D0001/", 1),
        new("oyhm", "/deputies/D0005/", 1),
        new("ouyanghong", "/deputies/D0005/", 1),
        new("caoxiyao", "/deputies/D0009/", 1),

        // A place or a level before the role word: the deputies of that township or level, in roster order.
        new("易俗河镇人大代表", "/deputies/D0001/", 1, "/deputies/D0006/", "/deputies/D0007/", "/deputies/D0012/", "/deputies/D0017/"),
        new("县人大代表", "/deputies/D0001/", 1, "/deputies/D0002/", "/deputies/D0003/", "/deputies/D0004/", "/deputies/D0005/"),

        // A long pasted question: the pages about its topic; with a township, that township's station first.
        new("我家小区停车难，应该找哪个人大代表反映问题", "/suggestions/2026-009/", 3, "/ballots/xiangtan-2025/P01/", "/suggestions/2026-015/"),
        new("我是易俗河镇的，小区停车难，应该找哪个人大代表反映问题", "/stations/S01/", 1, "/stations/S03/"),

        // Stations by name, by a fragment of a place name, by kind.
        new("易俗河镇代表联络站", "/stations/S01/", 1),
        new("吴家巷", "/stations/S03/", 1),
        // A town without a station: its region page, which points to the nearest stations.
        new("茶恩寺", "/regions/430321104/", 1),
        new("基层立法联系点", "/stations/S03/", 1),
        new("流动", "/stations/S04/", 1),
        new("花石 医疗", "/stations/S07/", 1),
        new("谭家山", "/stations/S08/", 1),
        // A place typed alone: its station (代表之家) before a 民生实事 project that names the place in its title.
        new("花石", "/stations/S06/", 1),
        new("河口", "/stations/S10/", 1),
        new("云湖桥", "/stations/S11/", 1),
        new("农业产业", "/stations/S12/", 1),
        new("石鼓镇代表之家", "/stations/S02/", 1),
        // Two townships typed together: either place, their stations first, then their own region pages.
        new("花石 谭家山", "/stations/S06/", 3, "/stations/S07/", "/stations/S08/", "/regions/430321107/", "/regions/430321102/"),
        new("射埠 中路铺", "/stations/S05/", 3, "/stations/S09/", "/regions/430321106/", "/regions/430321103/"),
        // A township typed alone: its own region page (地区) right after its stations.
        new("花石镇", "/regions/430321107/", 3, "/stations/S06/", "/stations/S07/"),
        new("接待日 易俗河", "/stations/S01/", 3),

        // Stories by a phrase of their title or a topic in their text.
        new("履职课堂", "/stories/peixun/", 1),
        new("泥腿子", "/stories/daibiao-fengcai-nongji/", 1),
        new("早高峰", "/stories/jianyi-xuexiao-jiaotong/", 3),
        new("述职 打分", "/stories/shuzhi-pingyi/", 1),
        new("农村公路养护", "/stories/jiandu-nongcun-gonglu/", 1),
        new("一票一票", "/stories/piaojue-minsheng/", 1),
        new("产业园", "/stories/liudong-lianluozhan/", 3),
        new("四百多条意见", "/stories/lifa-yijian-huizong/", 1),
        new("代表之家 新样子", "/stories/daibiao-zhijia-jianshe/", 1),
        new("田间地头", "/stories/lifa-lianxidian-zhengqiu/", 1),

        // Suggestions by their subject (a project on the same subject may come first).
        new("老年助餐点", "/suggestions/2026-001/", 3),
        new("机耕道", "/suggestions/2026-003/", 3),
        new("夜间急诊", "/suggestions/2026-004/", 3),
        new("危桥", "/suggestions/2026-005/", 1),
        new("加装电梯", "/suggestions/2026-006/", 3),

        // Ballots and their projects.
        new("票决", "/ballots/xiangtan-2026/", 3),
        new("2026年湘潭县人民代表大会民生实事项目票决", "/ballots/xiangtan-2026/", 1),
        new("射埠镇 票决", "/ballots/shebu-2026/", 3),
        new("排涝", "/ballots/xiangtan-2026/P05/", 1),
        new("加装电梯补助", "/ballots/xiangtan-2026/P13/", 1),
        new("机耕道修缮", "/ballots/shebu-2025/P04/", 1),

        // Drafts and single articles of a draft.
        new("物业管理条例", "/drafts/wuye-guanli-tiaoli/", 1),
        new("文明行为促进办法", "/drafts/wenming-xingwei-banfa/", 1),
        new("文明养犬", "/drafts/wenming-xingwei-banfa/#article-3", 1),
        new("物业费", "/drafts/wuye-guanli-tiaoli/#article-12", 1),
        new("停止供水", "/drafts/wuye-guanli-tiaoli/#article-12", 1),
        new("抛掷物品", "/drafts/wenming-xingwei-banfa/#article-5", 1),
        new("高空抛物", "/drafts/wenming-xingwei-banfa/", 3),

        // Plain pages.
        new("个人信息", "/privacy/", 1),
        new("提意见须知", "/how-to-comment/", 1),
        new("回执编号", "/how-to-comment/", 3),
    
        // Traditional characters, as Hong Kong and Macao deputies and many older people write.
        new("電梯", "/suggestions/2026-006/", 5),
        new("物業管理條例", "/drafts/wuye-guanli-tiaoli/", 1),
        new("文明養犬", "/drafts/wenming-xingwei-banfa/#article-3", 1),
        new("王建國", "/deputies/D0001/", 1),
    ];

    public static readonly IReadOnlyList<Entry> RealText =
    [
        // Real regulation texts (Regulations/, each article its own hit), by what a reader looks for.
        new("电梯困人", "/laws/dianti/#article-43", 3, "/laws/dianti/#article-44"),
        new("電梯困人", "/laws/dianti/#article-43", 3, "/laws/dianti/#article-44"),
        new("维护保养单位 义务", "/laws/dianti/#article-30", 3),
        new("更换维护保养单位", "/laws/dianti/#article-29", 1),
        new("电梯安全评估机构", "/laws/dianti/#article-37", 3, "/laws/dianti/#article-55"),
        new("电梯安全责任保险", "/laws/dianti/#article-47", 1),
        new("乘客 不得", "/laws/dianti/#article-24", 3),
        new("应急救援通道", "/laws/dianti/#article-20", 1),
        new("业主大会 执行机构", "/laws/wuye/#article-33", 1),
        new("業主委員會成員", "/laws/wuye/#article-34", 3, "/laws/wuye/#article-35", "/laws/wuye/#article-36"),
        new("维修资金专项用于", "/laws/wuye/#article-63", 1),
        new("公共收益", "/laws/wuye/#article-58", 3, "/laws/wuye/#article-49"),
        new("前期物业服务人承接", "/laws/wuye/#article-23", 1),
        new("物业服务合同终止", "/laws/wuye/#article-50", 3),
        new("失管", "/laws/wuye/#article-51", 1),
        new("车位 车库", "/laws/wuye/#article-17", 3),
        new("志愿服务", "/laws/wenming/#article-14", 1),
        new("见义勇为", "/laws/wenming/#article-15", 1),
        new("犬只", "/laws/wenming/#article-9", 3, "/laws/wenming/#article-35"),
        new("文明行为记录", "/laws/wenming/#article-20", 1),
    ];

    public static IEnumerable<Entry> All => Sample.Concat(RealText);

    /// <summary>The regulations' articles as search documents, one hit each, under /laws/{file}/.</summary>
    public static IEnumerable<Site.Search.SearchDocument> RegulationDocuments(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.md").Order(StringComparer.Ordinal))
        {
            var slug = Path.GetFileNameWithoutExtension(file);
            var lines = File.ReadAllLines(file);
            var title = lines.First(l => l.StartsWith("# ", StringComparison.Ordinal))[2..].Trim();
            var articles = new List<(string Label, List<string> Paragraphs)>();
            foreach (var line in lines.SkipWhile(l => !l.StartsWith("<!--", StringComparison.Ordinal)).Skip(1))
            {
                var text = line.Trim();
                if (text.Length == 0 || text.StartsWith('#'))
                {
                    continue;
                }

                var label = System.Text.RegularExpressions.Regex.Match(text, @"^第[一二三四五六七八九十百零]+条[ 　]");
                if (label.Success)
                {
                    articles.Add((label.Value.Trim(), [text[label.Length..].Trim()]));
                }
                else if (articles.Count > 0)
                {
                    articles[^1].Paragraphs.Add(text);
                }
            }

            yield return new Site.Search.SearchDocument($"/laws/{slug}/", title, string.Join("\n", articles.Take(3).SelectMany(a => a.Paragraphs)), Site.Search.SearchTypes.Draft);
            for (var i = 0; i < articles.Count; i++)
            {
                yield return new Site.Search.SearchDocument(
                    $"/laws/{slug}/#article-{i + 1}", $"{title} {articles[i].Label}", string.Join("\n", articles[i].Paragraphs), Site.Search.SearchTypes.Article);
            }
        }
    }
}
