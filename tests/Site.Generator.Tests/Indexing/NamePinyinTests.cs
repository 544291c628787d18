using Site.Generator.Indexing;
using Site.Search;

namespace Site.Generator.Tests.Indexing;

/// <summary>
/// Names with characters beyond the BMP (CJK extensions, written as surrogate pairs) get pinyin too:
/// ICU has no reading for 𠮷 (U+20BB7), the table made from Unihan does.
/// </summary>
public sealed class NamePinyinTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "pinyin-test-" + Guid.NewGuid().ToString("N")[..12]);

    [Fact]
    public void Keywords_NameWithExtensionBCharacter_ReadsIt()
    {
        Assert.Equal("wangji wang ji wj", NamePinyin.Keywords("王𠮷"));
    }

    [Fact]
    public void Keywords_ExtensionCharacterAlone_ReadsIt()
    {
        Assert.Equal("ji ji j", NamePinyin.Keywords("𠮷"));
    }

    [Theory]
    [InlineData("陈𫖯明", "chenfuming chen fu ming cfm")] // 𫖯 U+2B5AF, in the 通用规范汉字表, between BMP characters
    [InlineData("𠀊建国", "caojianguo cao jian guo cjg")] // the surname itself a surrogate pair
    [InlineData("李\U0001F600华", "lihua li hua lh")] // an emoji (no reading) is left out, the rest read as before
    public void Keywords_SurrogatePairElsewhere_KeepsEverySyllable(string name, string expected)
    {
        Assert.Equal(expected, NamePinyin.Keywords(name));
    }

    [Fact]
    public void Keywords_BmpName_Unchanged()
    {
        Assert.Equal("wangjianguo wang jian guo wjg", NamePinyin.Keywords("王建国"));
        Assert.Null(NamePinyin.Keywords("Smith"));
    }

    [Theory]
    [InlineData("wangji")]
    [InlineData("wang ji")]
    [InlineData("wj")]
    public void Search_Pinyin_FindsDeputyWithExtensionCharacter(string query)
    {
        SearchIndexWriter.Write(_folder,
        [
            new SearchDocument("/deputies/D1/", "王𠮷", "县级人大代表", SearchTypes.Deputy, Keywords: "D1 " + NamePinyin.Keywords("王𠮷")),
            new SearchDocument("/deputies/D2/", "王建国", "县级人大代表", SearchTypes.Deputy, Keywords: "D2 " + NamePinyin.Keywords("王建国")),
        ]);
        using var index = SearchIndex.Open(_folder);

        var hits = index.Search(new SearchRequest(query)).Hits;

        // wangji and wj are also the start of wangjianguo and wjg: both may be listed, 王𠮷 must be.
        Assert.Contains(hits, h => h.Url == "/deputies/D1/" && h.Title == "王𠮷");
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
