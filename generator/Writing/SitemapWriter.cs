using System.IO.Hashing;
using System.Runtime.InteropServices;
using System.Text;
using System.Xml;
using Site.Generator.Model;
using Site.Generator.Rendering.Pages;

namespace Site.Generator.Writing;

/// <summary>sitemap.xml: every public page, with story dates as lastmod.</summary>
public static class SitemapWriter
{
    /// <summary>
    /// A hash of everything the sitemap says (address, listed pages and their dates): a rebuild keeps
    /// the previous file when it is unchanged, instead of writing 60,000 entries and comparing them.
    /// </summary>
    public static UInt128 Fingerprint(SiteModel site, IEnumerable<PageJob> jobs)
    {
        var lastModified = site.Stories.ToDictionary(s => s.Url, s => s.Date);
        var hash = new XxHash128();
        hash.Append(MemoryMarshal.AsBytes($"{site.Config.BaseUrl}\n".AsSpan()));
        foreach (var job in Listed(jobs))
        {
            hash.Append(MemoryMarshal.AsBytes(job.Url.AsSpan()));
            var day = lastModified.TryGetValue(job.Url, out var date) ? date.DayNumber : -1;
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in day)));
        }

        return hash.GetCurrentHashAsUInt128();
    }

    public static byte[] Write(SiteModel site, IEnumerable<PageJob> jobs)
    {
        var lastModified = site.Stories.ToDictionary(s => s.Url, s => s.Date);
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var job in Listed(jobs).OrderBy(j => j.Url, StringComparer.Ordinal))
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

    /// <summary>Public pages: rendered ones at pretty URLs (not files such as calendars or printable cards).</summary>
    private static IEnumerable<PageJob> Listed(IEnumerable<PageJob> jobs) => jobs.Where(j => j.Template is not null && j.Url.EndsWith('/'));

    /// <summary>Percent-encodes each path segment (Chinese tag names) as sitemaps require.</summary>
    public static string Escape(string path) =>
        string.Join('/', path.Split('/').Select(Uri.EscapeDataString));
}
