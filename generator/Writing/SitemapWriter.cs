using System.Text;
using System.Xml;
using Site.Generator.Model;
using Site.Generator.Rendering.Pages;

namespace Site.Generator.Writing;

/// <summary>sitemap.xml: every public page, with story dates as lastmod.</summary>
public static class SitemapWriter
{
    public static byte[] Write(SiteModel site, IEnumerable<PageJob> jobs)
    {
        var lastModified = site.Stories.ToDictionary(s => s.Url, s => s.Date);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var job in jobs.Where(j => j.Template is not null && j.Url.EndsWith('/')).OrderBy(j => j.Url, StringComparer.Ordinal))
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", site.Config.AbsoluteUrl(Escape(job.Url)));
                if (lastModified.TryGetValue(job.Url, out var date))
                {
                    xml.WriteElementString("lastmod", PageContext.IsoDate(date));
                }

                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>Percent-encodes each path segment (Chinese tag names) as sitemaps require.</summary>
    public static string Escape(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
