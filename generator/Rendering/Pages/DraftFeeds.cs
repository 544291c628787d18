using System.Text;
using System.Xml;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Site.Generator.Model;
using Site.Generator.Vocabulary;
using Site.Generator.Writing;

namespace Site.Generator.Rendering.Pages;

/// <summary>
/// Telling people about drafts: an Atom feed (RFC 4287) with an entry when a draft opens for
/// comment, when it closes within <see cref="ClosingSoonDays"/> days, and when its feedback report
/// is published; and an iCalendar file (RFC 5545, written by Ical.Net) with each comment period.
/// Only what has happened by the build's clock is announced.
/// </summary>
public static class DraftFeeds
{
    /// <summary>A draft "closes soon" (feed entry, home page) from this many days before its closing day.</summary>
    public const int ClosingSoonDays = 7;

    public static bool ClosesSoon(SiteModel site, Draft draft) =>
        DraftPages.IsOpen(site, draft) && draft.ClosesAt - site.Now <= TimeSpan.FromDays(ClosingSoonDays);

    public static byte[] Atom(SiteModel site)
    {
        var entries = new List<(DateTimeOffset Updated, string Id, string Title, Draft Draft, string Summary)>();
        foreach (var draft in site.Drafts)
        {
            var url = site.Config.AbsoluteUrl(SitemapWriter.Escape(draft.Url));
            var period = $"{PageContext.ChineseDate(draft.Opens)} 至 {PageContext.ChineseDate(draft.Closes)}";
            if (draft.OpensAt <= site.Now)
            {
                entries.Add((draft.OpensAt, url + "#opened", $"开始征求意见：{draft.Title}{ReadingNote(draft)}", draft,
                    $"征求意见期：{period}。{draft.Summary}"));
            }

            if (ClosesSoon(site, draft))
            {
                var days = (int)Math.Ceiling((draft.ClosesAt - site.Now).TotalDays);
                entries.Add((draft.ClosesAt.AddDays(-ClosingSoonDays), url + "#closing", $"即将截止：{draft.Title}", draft,
                    $"征求意见将于 {PageContext.ChineseDate(draft.Closes)} 截止，还有约 {days} 天。"));
            }

            if (draft.Feedback is { } feedback)
            {
                entries.Add((new DateTimeOffset(feedback.Published.ToDateTime(TimeOnly.MinValue), TimeSpan.FromHours(8)), url + "#feedback",
                    $"意见采纳情况已发布：{draft.Title}", draft, $"共收到意见 {feedback.Received} 条，采纳和部分采纳 {feedback.Adopted} 条。"));
            }
        }

        entries = entries.Where(e => e.Updated <= site.Now).OrderByDescending(e => e.Updated).ThenBy(e => e.Id, StringComparer.Ordinal).ToList();
        using var buffer = new MemoryStream();
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true }))
        {
            xml.WriteStartDocument();
            xml.WriteStartElement("feed", "http://www.w3.org/2005/Atom");
            xml.WriteAttributeString("xml", "lang", null, "zh-CN");
            xml.WriteElementString("title", $"{site.Config.Title} · 法规草案征求意见");
            xml.WriteElementString("id", site.Config.AbsoluteUrl(SiteRoutes.DraftsFeed));
            Link(xml, site.Config.AbsoluteUrl(SiteRoutes.DraftsFeed), "self");
            Link(xml, site.Config.AbsoluteUrl(SiteRoutes.Drafts), "alternate");
            xml.WriteElementString("updated", Timestamp(entries.Count > 0 ? entries[0].Updated : new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.FromHours(8))));
            xml.WriteStartElement("author");
            xml.WriteElementString("name", site.Config.Title);
            xml.WriteEndElement();
            foreach (var entry in entries)
            {
                xml.WriteStartElement("entry");
                xml.WriteElementString("title", entry.Title);
                xml.WriteElementString("id", entry.Id);
                Link(xml, site.Config.AbsoluteUrl(SitemapWriter.Escape(entry.Draft.Url)), "alternate");
                xml.WriteElementString("updated", Timestamp(entry.Updated));
                xml.WriteStartElement("author");
                xml.WriteElementString("name", entry.Draft.Office);
                xml.WriteEndElement();
                xml.WriteElementString("summary", entry.Summary);
                xml.WriteEndElement();
            }

            xml.WriteEndElement();
        }

        return buffer.ToArray();
    }

    /// <summary>One all-day event per draft on its closing day, described with its period and page, and a reminder two days before.</summary>
    public static byte[] Calendar(SiteModel site)
    {
        var calendar = new Calendar { ProductId = "-//rd-site//drafts//ZH" };
        calendar.AddProperty("X-WR-CALNAME", $"{site.Config.Title} 法规草案征求意见截止日");
        var host = new Uri(site.Config.BaseUrl).Host;
        foreach (var draft in site.Drafts.OrderBy(d => d.Closes).ThenBy(d => d.Id.Value, StringComparer.Ordinal))
        {
            var url = site.Config.AbsoluteUrl(SitemapWriter.Escape(draft.Url));
            var item = new CalendarEvent
            {
                Uid = $"draft-{draft.Id.Value}-closes@{host}",
                Summary = $"征求意见截止：{draft.Title}",
                Description = $"{draft.Office}就《{draft.Title}》{ReadingNote(draft)}公开征求意见，征求意见期 {PageContext.ChineseDate(draft.Opens)} 至 {PageContext.ChineseDate(draft.Closes)}。在线提意见：{url}",
                Start = new CalDateTime(draft.Closes.Year, draft.Closes.Month, draft.Closes.Day),
                End = new CalDateTime(draft.Closes.AddDays(1).Year, draft.Closes.AddDays(1).Month, draft.Closes.AddDays(1).Day),
                // A fixed stamp (the opening day), so an unchanged draft gives the same bytes build after build.
                DtStamp = new CalDateTime(draft.OpensAt.UtcDateTime, "UTC"),
                Url = new Uri(url),
            };
            item.Alarms.Add(new Alarm
            {
                Action = AlarmAction.Display,
                Description = $"《{draft.Title}》征求意见后天截止",
                Trigger = new Trigger(Duration.FromDays(-2)),
            });
            calendar.Events.Add(item);
        }

        return new UTF8Encoding(false).GetBytes(new CalendarSerializer().SerializeToString(calendar) ?? "");
    }

    /// <summary>
    /// （一审）, unless the title already names the reading (…（征求意见稿）, …（草案二次审议稿）); a first
    /// reading's bare （草案） does not say it is the first, so it keeps the note.
    /// </summary>
    private static string ReadingNote(Draft draft) =>
        draft.Title.Contains(draft.Reading, StringComparison.Ordinal)
        || (draft.Reading != "一审" && Validation.Drafts.DraftTitles.TitleNames(draft.Title, draft.Reading)) ? "" : $"（{draft.Reading}）";

    private static void Link(XmlWriter xml, string href, string rel)
    {
        xml.WriteStartElement("link");
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string Timestamp(DateTimeOffset time) =>
        time.ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-ddTHH:mm:sszzz", System.Globalization.CultureInfo.InvariantCulture);
}
