using Site.Generator.Tests.Support;
using Site.Generator.Validation;

namespace Site.Generator.Tests.Loading;

/// <summary>Region tables as the statistics bureau prints them: code and name only, parents from the code.</summary>
public sealed class RegionTableTests
{
    [Theory]
    [InlineData("43", null)]
    [InlineData("4303", "43")]
    [InlineData("430321", "4303")]
    [InlineData("430321100", "430321")]
    [InlineData("430321100201", "430321100000")] // a village: the padded form; the build takes 430321100 where only that exists
    [InlineData("430000000000", null)]
    [InlineData("430300000000", "430000000000")]
    [InlineData("430321000000", "430300000000")]
    [InlineData("430321100000", "430321000000")]
    public void ParentOf_Code_IsItsPrefix(string code, string? parent) =>
        Assert.Equal(parent, RegionValidator.ParentOf(code));

    [Fact]
    public async Task Build_SameNamedTownsWithoutParentColumn_AreToldApartByTheirCounty()
    {
        // Two 龙潭镇 in one province, in a bureau-style table (code, name; 12 digits padded); the codes are made up.
        using var site = await TestSite.BuildAsync(TestSite.MinimalConfig + """

            -- input/regions/hunan.csv --
            统计用区划代码,名称
            430000000000,湖南省
            431200000000,怀化市
            431224000000,溆浦县
            431224110000,龙潭镇
            431224110201,龙潭村
            430500000000,邵阳市
            430524000000,隆回县
            430524108000,龙潭镇
            -- input/deputies/d.yaml --
            - id: D1
              name: 陈美华
              levels: [乡]
              term: 龙潭镇第十九届
              region: "431224110000"
            - id: D2
              name: 刘桂英
              levels: [乡]
              term: 龙潭镇第十九届
              region: "430524108000"
            """);

        site.AssertNoErrors();
        // As read (a bracketed county is kept whole on a line by a span: the text is what is compared).
        var list = site.Html("deputies/index.html").Body!.TextContent;
        Assert.Contains("龙潭镇（溆浦县）", list);
        Assert.Contains("龙潭镇（隆回县）", list);
        Assert.Contains("龙潭镇（溆浦县）的人大代表", site.ReadFile("deputies/region/431224110000/index.html"));
    }
}
