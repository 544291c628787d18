using Site.Generator.Tests.Support;
using Site.Search;

namespace Site.Generator.Tests.Search;

/// <summary>
/// What people type into the search box on the sample site, and the page they expect near the top.
/// The rank bound is the one a person would accept: a name finds its page first; a topic finds the
/// page about it among the first three.
/// </summary>
[Collection(nameof(SampleSite))]
public sealed class SearchRelevanceTests(SampleSite sample)
{
    public static TheoryData<string, string, int> Table => new()
    {
        // Deputies by full name, by a fragment, by a compound surname, by id.
        { "王建国", "/deputies/D0001/", 1 },
        { "欧阳红梅", "/deputies/D0005/", 1 },
        { "令狐", "/deputies/D0012/", 1 },
        { "叶瑜", "/deputies/D0031/", 1 },
        { "汤馥君", "/deputies/D0032/", 1 },
        { "D0031", "/deputies/D0031/", 1 },
        { "曹熙瑶", "/deputies/D0009/", 1 },

        // Deputies by pinyin, as typed on a phone: whole, in syllables, initials, a start.
        { "wangjianguo", "/deputies/D0001/", 1 },
        { "wang jian guo", "/deputies/D0001/", 1 },
        { "oyhm", "/deputies/D0005/", 1 },
        { "ouyanghong", "/deputies/D0005/", 1 },
        { "caoxiyao", "/deputies/D0009/", 1 },

        // Stations by name, by a fragment of a place name, by kind.
        { "易俗河镇代表联络站", "/stations/S01/", 1 },
        { "吴家巷", "/stations/S03/", 1 },
        { "基层立法联系点", "/stations/S03/", 1 },
        { "流动", "/stations/S04/", 1 },
        { "花石 医疗", "/stations/S07/", 1 },
        { "谭家山", "/stations/S08/", 1 },
        { "河口", "/stations/S10/", 1 },
        { "云湖桥", "/stations/S11/", 1 },
        { "农业产业", "/stations/S12/", 1 },
        { "石鼓镇代表之家", "/stations/S02/", 1 },
        { "接待日 易俗河", "/stations/S01/", 3 },

        // A village or town without a station: its region page, which points to the nearest stations.
        { "烟塘", "/regions/430321100201/", 1 },
        { "茶恩寺", "/regions/430321104/", 1 },

        // Stories by a phrase of their title or a topic in their text.
        { "履职课堂", "/stories/peixun/", 1 },
        { "泥腿子", "/stories/daibiao-fengcai-nongji/", 1 },
        { "早高峰", "/stories/jianyi-xuexiao-jiaotong/", 3 },
        { "述职 打分", "/stories/shuzhi-pingyi/", 1 },
        { "农村公路养护", "/stories/jiandu-nongcun-gonglu/", 1 },
        { "一票一票", "/stories/piaojue-minsheng/", 1 },
        { "产业园", "/stories/liudong-lianluozhan/", 3 },
        { "四百多条意见", "/stories/lifa-yijian-huizong/", 1 },
        { "代表之家 新样子", "/stories/daibiao-zhijia-jianshe/", 1 },
        { "田间地头", "/stories/lifa-lianxidian-zhengqiu/", 1 },

        // Suggestions by their subject (a project on the same subject may come first).
        { "老年助餐点", "/suggestions/#s-2026-001", 3 },
        { "机耕道", "/suggestions/#s-2026-003", 3 },
        { "夜间急诊", "/suggestions/#s-2026-004", 3 },
        { "危桥", "/suggestions/#s-2026-005", 1 },
        { "加装电梯", "/suggestions/#s-2026-006", 3 },

        // Ballots and their projects.
        { "票决", "/ballots/xiangtan-2026/", 3 },
        { "2026年湘潭县人民代表大会民生实事项目票决", "/ballots/xiangtan-2026/", 1 },
        { "射埠镇 票决", "/ballots/shebu-2026/", 3 },
        { "排涝", "/ballots/xiangtan-2026/P05/", 1 },
        { "加装电梯补助", "/ballots/xiangtan-2026/P13/", 1 },
        { "机耕道修缮", "/ballots/shebu-2025/P04/", 1 },

        // Drafts and single articles of a draft.
        { "物业管理条例", "/drafts/wuye-guanli-tiaoli/", 1 },
        { "文明行为促进办法", "/drafts/wenming-xingwei-banfa/", 1 },
        { "文明养犬", "/drafts/wenming-xingwei-banfa/#article-3", 1 },
        { "物业费", "/drafts/wuye-guanli-tiaoli/#article-12", 1 },
        { "停止供水", "/drafts/wuye-guanli-tiaoli/#article-12", 1 },
        { "抛掷物品", "/drafts/wenming-xingwei-banfa/#article-5", 1 },
        { "高空抛物", "/drafts/wenming-xingwei-banfa/", 3 },

        // Plain pages.
        { "个人信息", "/privacy/", 1 },
        { "提意见须知", "/how-to-comment/", 1 },
        { "回执编号", "/how-to-comment/", 3 },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Search_TypicalQuery_FindsExpectedPageNearTop(string query, string expectedUrl, int withinTop)
    {
        using var index = SearchIndex.Open(Path.Combine(Path.GetDirectoryName(sample.Output)!, "_intake", "index"));
        var response = index.Search(new SearchRequest(query));

        var urls = response.Hits.Select(h => h.Url).ToList();
        var rank = urls.IndexOf(expectedUrl) + 1;
        Assert.True(rank is > 0 && rank <= withinTop,
            $"“{query}”: expected {expectedUrl} within the top {withinTop}, got rank {(rank == 0 ? "none" : rank)} in [{string.Join(", ", urls)}]");
    }

    [Fact]
    public void Table_HasAtLeastFortyQueries() => Assert.True(Table.Count() >= 40);
}
