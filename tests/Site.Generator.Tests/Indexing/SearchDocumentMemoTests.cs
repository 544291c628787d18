using Site.Generator.Indexing;
using Site.Search;

namespace Site.Generator.Tests.Indexing;

/// <summary>`serve` reuses a story's search document only while nothing it is made of has changed.</summary>
public sealed class SearchDocumentMemoTests
{
    private readonly SearchDocumentMemo _memo = new();
    private readonly string _body = new("代表们在联络站听取意见。".ToCharArray());

    [Fact]
    public void Story_SameBodyAndHeader_IsReusedAfterACommit()
    {
        var first = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));
        _memo.Trim();

        var again = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));

        Assert.Same(first, again);
    }

    [Fact]
    public void Story_HeaderChanged_IsBuiltAgain()
    {
        var first = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));
        _memo.Trim();

        // Same file, but the station it names now lies in another township.
        var moved = _memo.Story(_body, ("标题", "射埠镇"), () => Document("标题", "射埠镇"));

        Assert.NotSame(first, moved);
        Assert.Equal("射埠镇", moved.Region);
    }

    [Fact]
    public void Story_FileReloaded_IsBuiltAgainEvenWithTheSameText()
    {
        var first = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));
        _memo.Trim();

        var reloaded = _memo.Story(new string(_body.ToCharArray()), ("标题", "花石镇"), () => Document("标题"));

        Assert.NotSame(first, reloaded);
    }

    [Fact]
    public void Trim_ForgetsWhatTheLastBuildDidNotUse()
    {
        var first = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));
        _memo.Trim();
        _memo.Trim();

        var later = _memo.Story(_body, ("标题", "花石镇"), () => Document("标题"));

        Assert.NotSame(first, later);
    }

    [Fact]
    public void Fingerprint_EqualDocuments_AreEqual_ChangedOnesAreNot()
    {
        Assert.Equal(_memo.Fingerprint(Document("标题")), _memo.Fingerprint(Document("标题")));
        Assert.NotEqual(_memo.Fingerprint(Document("标题")), _memo.Fingerprint(Document("新标题")));
    }

    private SearchDocument Document(string title, string region = "花石镇") =>
        new("/stories/a/", title, _body, SearchTypes.Story, region);
}
