namespace Site.Generator.Vocabulary;

/// <summary>input/site.yaml: the site's name, address, columns, navigation, footer filing details and share defaults.</summary>
public static class SiteConfigVocabulary
{
    public static readonly FieldSet Fields = new(
        new("title", "网站名称"), new("shortTitle", "简称"), new("congress", "人大机关名称"), new("description", "简介"), new("baseUrl", "网址"),
        new("region", "本级行政区划代码"), new("columns", "专栏"), new("resultClasses", "办理结果分类"), new("intakeUrl", "意见接口地址"),
        new("organizer", "主办单位"), new("contact", "联系方式"), new("siteCode", "网站标识码"), new("icp", "ICP备案号"),
        new("policeRecord", "公安备案号"), new("wechat", "政务新媒体（微信公众号）"), new("logo", "网站标志（分享图）"),
        new("roster", "名册设置"), new("nav", "导航"));

    /// <summary>专栏: one column of stories.</summary>
    public static readonly FieldSet ColumnFields = new(new("slug", "网址名"), new("name", "名称"), new("description", "说明"));

    /// <summary>导航: one item of the main navigation.</summary>
    public static readonly FieldSet NavFields = new(new("title", "名称"), new("url", "网址"), new("key", "标识"));
}
