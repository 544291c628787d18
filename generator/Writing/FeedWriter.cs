using System.Text;
using System.Xml;
using Site.Generator.Model;
using Site.Generator.Rendering.Pages;

namespace Site.Generator.Writing;

/// <summary>feed.xml: an Atom feed of the newest stories, for readers and aggregators.</summary>
public static class FeedWriter
{
    public const int Entries = 30;

    public static byte[] Write(SiteModel site)
    {
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            var stories = site.Stories.Take(Entries).ToList();
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("title", $"{site.Config.Title} · 履职故事");
            xml.WriteElementString("id", site.Config.AbsoluteUrl("/"));
            Link(xml, site.Config.AbsoluteUrl("/feed.xml"), "self");
            Link(xml, site.Config.AbsoluteUrl("/"), "alternate");
            xml.WriteElementString("updated", Timestamp(stories.Count > 0 ? stories[0].Date : new DateOnly(2000, 1, 1)));
            foreach (var story in stories)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("title", story.Title);
                xml.WriteElementString("id", site.Config.AbsoluteUrl(SitemapWriter.Escape(story.Url)));
                Link(xml, site.Config.AbsoluteUrl(SitemapWriter.Escape(story.Url)), "alternate");
                xml.WriteElementString("updated", Timestamp(story.Date));
                xml.WriteStartElement("author");
                xml.WriteElementString("name", story.Author ?? site.Config.Title);
                xml.WriteEndElement();
                xml.WriteStartElement("category");
                xml.WriteAttributeString("term", story.Column.Name);
                xml.WriteEndElement();
                if (story.Summary is not null)
                {
                    xml.WriteElementString("summary", story.Summary);
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateOnly date) => PageContext.IsoDate(date) + "T00:00:00+08:00";
}
