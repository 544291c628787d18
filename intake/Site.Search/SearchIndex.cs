using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;

namespace Site.Search;

/// <summary>
/// The query side: an open index that answers <see cref="SearchRequest"/>s. Thread-safe; one instance
/// serves every request. Searching holds a reference on the reader, so the endpoint can swap in a
/// newer index (after a rebuild) while searches on the old one finish.
/// </summary>
public sealed class SearchIndex : IDisposable
{
    private readonly FSDirectory _directory;
    private readonly DirectoryReader _reader;
    private readonly IndexSearcher _searcher;
    private readonly ChineseAnalyzer _analyzer = ChineseAnalyzer.ForQueries();
    private int _disposed;

    /// <summary>
    /// The one order of hits, for ranking and paging alike: score, then URL with its numbers read as
    /// numbers (<see cref="SearchOrder.Natural"/>: the articles of a draft in their order), then URL
    /// (unique, and the same in every build, unlike document numbers, which depend on which thread
    /// added a document first; an index written before the natural order holds only this).
    /// </summary>
    private static readonly Sort Order = new(SortField.FIELD_SCORE, new SortField(SearchFields.UrlOrder, SortFieldType.STRING), new SortField(SearchFields.Url, SortFieldType.STRING));

    private readonly bool _rankByWords;

    private SearchIndex(FSDirectory directory, DirectoryReader reader, bool rankByWords)
    {
        _directory = directory;
        _reader = reader;
        _rankByWords = rankByWords;
        _searcher = new SampledSearcher(reader);
        Examples = FindExamples();
        if (rankByWords)
        {
            // The segmenter's dictionaries load with the first query that has words (ChineseWordAnalyzer).
            _searcher.Similarity = SearchSimilarity.Instance;
        }
    }

    public int DocumentCount => _reader.NumDocs;

    /// <summary>
    /// Queries to suggest, taken from this index so that each finds something: the first township of
    /// the region facet and the first deputy's name (or any first title).
    /// </summary>
    public IReadOnlyList<string> Examples { get; }

    private IReadOnlyList<string> FindExamples()
    {
        var examples = new List<string>();
        var regions = MultiFields.GetTerms(_reader, SearchFields.Region)?.GetEnumerator();
        if (regions is not null && regions.MoveNext())
        {
            examples.Add(regions.Term.Utf8ToString());
        }

        var deputy = _searcher.Search(new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), 1).ScoreDocs;
        if (deputy.Length > 0)
        {
            examples.Add(_searcher.Doc(deputy[0].Doc).Get(SearchFields.Title));
        }

        return examples;
    }

    public static SearchIndex Open(string folder) => Open(folder, rankByWords: true);

    /// <param name="rankByWords">False ranks by the bigram fields alone (what the relevance benchmark compares with).</param>
    public static SearchIndex Open(string folder, bool rankByWords)
    {
        // Each segment names the codec that wrote it; Lucene must know ours before it opens one.
        _ = SearchCodec.Registered;
        var directory = FSDirectory.Open(folder);
        try
        {
            return new SearchIndex(directory, DirectoryReader.Open(directory), rankByWords);
        }
        catch
        {
            directory.Dispose();
            throw;
        }
    }

    /// <summary>Takes a reference for the duration of a search; false once the index was released.</summary>
    public bool TryAcquire() => _reader.TryIncRef();

    public void Release()
    {
        _reader.DecRef();
        if (_reader.RefCount == 0)
        {
            _analyzer.Dispose();
            _directory.Dispose();
        }
    }

    public SearchResponse Search(SearchRequest request)
    {
        var text = TextElements.Valid((request.Query ?? "").Trim());
        if (text.Length == 0)
        {
            return SearchResponse.Empty(text, Examples.Count == 0 ? "请输入要搜索的词，例如代表姓名或镇名"
                : "请输入要搜索的词，例如代表姓名或镇名：" + string.Join("、", Examples));
        }

        var parsed = ChineseQuery.Parse(text, _analyzer, _rankByWords);
        if (parsed.Query is null)
        {
            return SearchResponse.Empty(text, null);
        }

        var page = Math.Clamp(request.Page, 1, SearchRequest.MaxPage);
        // Townships typed together (花石 谭家山) mean either place: their pages, those with both first.
        var query = parsed.AnyChunk is not null && Townships(parsed.Chunks)
            ? PlaceStationsFirst(parsed.Chunks, parsed.AnyChunk)
            : PlaceStationsFirst([text], parsed.Query);
        // 易俗河镇人大代表, 县人大代表: the deputies of that place or level first, then what holds the text.
        var deputies = DeputiesNamedBy(text);
        if (deputies is not null)
        {
            query = new BooleanQuery
            {
                { query, Occur.SHOULD },
                { deputies, Occur.SHOULD },
            };
        }

        var (top, facets) = Collect(query, request, page);
        var terms = parsed.Terms;
        var relaxed = false;
        bool NothingAtAll() => Enumerable.Range(0, 3).All(d => facets.Counts(d).Count == 0);
        if (NothingAtAll() && (parsed.Pieces ?? parsed.Relaxed ?? parsed.AnyChunk ?? parsed.Loose) is not null)
        {
            // Nothing has the text as typed (whatever the filters): pages that have each of its pieces
            // (a name the segmenter does not know kept whole), then each of its words, then most.
            if (parsed.Pieces is not null)
            {
                query = parsed.Pieces;
                (top, facets) = Collect(query, request, page);
                terms = parsed.PiecesTerms ?? terms;
            }

            if (parsed.Relaxed is not null && NothingAtAll())
            {
                query = parsed.Relaxed;
                (top, facets) = Collect(query, request, page);
                terms = parsed.RelaxedTerms ?? terms;
            }

            // Places or names typed apart (花石 谭家山): pages with either, both first.
            if (parsed.AnyChunk is not null && NothingAtAll())
            {
                query = PlaceStationsFirst(parsed.Chunks, parsed.AnyChunk);
                (top, facets) = Collect(query, request, page);
                terms = parsed.Terms;
            }

            if (parsed.Loose is not null && NothingAtAll())
            {
                query = parsed.AsksForDeputy ? ContactsIn(text, parsed.Loose) : parsed.Loose;
                (top, facets) = Collect(query, request, page);
                terms = parsed.RelaxedTerms ?? terms;
            }

            relaxed = facets.Matched > 0;
        }

        // Filters nothing matching the text has (a region or year typed into the address, or two
        // chips of old links): how many hits there are without them, so the page can offer those.
        long? unfiltered = null;
        if (facets.Matched == 0 && (Blank(request.Type) ?? Blank(request.Region) ?? Blank(request.Year)) is not null)
        {
            var counter = new TotalHitCountCollector();
            _searcher.Search(parsed.Query, counter);
            if (counter.TotalHits > 0)
            {
                unfiltered = counter.TotalHits;
                relaxed = false;
            }
        }

        // Nothing at all: perhaps a character mistyped (花石真 for 花石镇, 于朋 for the deputy 于鹏);
        // never a suggestion that, with the same filters, would find nothing either.
        var suggestion = facets.Matched == 0 && unfiltered is null
            ? Suggestions.Likeliest(_reader, _searcher, text, candidate => Finds(candidate, request))
            : null;

        // A page past the last (an old link, a hand-edited address): the last page, said so.
        int? pastEnd = null;
        var lastPage = LastPage(facets.Matched);
        if (page > lastPage && lastPage > 0)
        {
            pastEnd = request.Page;
            page = lastPage;
            (top, facets) = Collect(query, request, page);
        }

        // When the sample filled up, counts are scaled by the share of the index it covered.
        var scale = facets.StoppedAt is { } covered ? (double)_reader.MaxDoc / covered : 1;
        long Scaled(long count) => scale == 1 ? count : (long)Math.Round(count * scale);

        // The collector keeps the first page * PageSize hits in the one total order (Order), so
        // page n is always the same ten hits and each hit is on exactly one page.
        var hits = top.GetTopDocs((page - 1) * SearchRequest.PageSize, SearchRequest.PageSize).ScoreDocs
            .Select(scored => ToHit(_searcher.Doc(scored.Doc), scored.Score, terms))
            .ToList();
        // Pages come from the hits actually collected (the sample, when the total is an estimate),
        // so a page number shown always has hits.
        var pageCount = LastPage(facets.Matched);
        var deputy = page == 1 && Blank(request.Region) is null && Blank(request.Year) is null
            && (Blank(request.Type) ?? SearchTypes.Deputy) == SearchTypes.Deputy ? AddressedDeputy(text, hits) : null;
        return new SearchResponse(
            text,
            Scaled(facets.Matched),
            page,
            pageCount,
            hits,
            TypeFacet(facets.Counts(0), Scaled),
            facets.Counts(1).OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount(c.Key, c.Key, Scaled(c.Value))).ToList(),
            facets.Counts(2).OrderByDescending(c => c.Key, StringComparer.Ordinal).Select(c => new FacetCount(c.Key, c.Key + "年", Scaled(c.Value))).ToList())
        {
            Estimated = facets.StoppedAt is not null,
            Relaxed = relaxed,
            PastEnd = pastEnd,
            Unfiltered = unfiltered,
            Suggestion = suggestion,
            Deputy = deputy,
        };
    }

    /// <summary>
    /// A place typed alone (花石, 花石镇, 谭家山, or its code 430321107) is asked by someone looking for that place's liaison
    /// station: the stations of the township it names come first, above projects, ballots and stories
    /// that only mention the place, and the township's own region page (地区) right after them. The
    /// query's matches are the same; only their order changes. A township without a station (茶恩寺)
    /// has its region page first. Places typed apart (花石 谭家山) each bring theirs.
    /// </summary>
    private Query PlaceStationsFirst(IEnumerable<string> places, Query query)
    {
        var regions = MultiFields.GetTerms(_reader, SearchFields.Region)?.GetEnumerator();
        if (regions is null)
        {
            return query;
        }

        BooleanQuery? ranked = null;
        foreach (var place in places)
        {
            if ((Township(regions, place) ?? CodedTownship(place)) is not { } region)
            {
                continue;
            }

            ranked ??= new BooleanQuery { { query, Occur.MUST } };
            var stations = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Type, SearchTypes.Station)), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Region, region)), Occur.MUST },
            };
            var page = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Type, SearchTypes.Region)), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Region, region)), Occur.MUST },
            };
            ranked.Add(new ConstantScoreQuery(stations) { Boost = PlaceStationBoost }, Occur.SHOULD);
            ranked.Add(new ConstantScoreQuery(page) { Boost = PlaceRegionBoost }, Occur.SHOULD);
        }

        return ranked ?? query;
    }

    /// <summary>
    /// 易俗河镇人大代表, 花石代表, 县人大代表, 湘潭县人大代表 (<see cref="ChineseQuery.DeputyRolePrefix"/>): a person
    /// who puts a place or a level before 人大代表 wants the list of those deputies, not pages that hold the
    /// words. The deputies of the place (its region facet or place keywords), of the level said if any, above
    /// every other hit (<see cref="DeputyRoleBoost"/>); a county's own deputies (县级) first among the
    /// county's; a village's (<see cref="VillageDeputies"/>) are its township's. Null when the start is neither a
    /// place of the index nor a level (泥腿子代表 is about a story).
    /// </summary>
    private Query? DeputiesNamedBy(string text)
    {
        if (ChineseQuery.DeputyRolePrefix(text) is not { } prefix
            || MultiFields.GetTerms(_reader, SearchFields.Region)?.GetEnumerator() is not { } regions)
        {
            return null;
        }

        string? region = Township(regions, prefix);
        string? level = null;
        if (region is null)
        {
            if (ChineseQuery.SaidLevel(prefix) is not var (before, said))
            {
                return VillageDeputies(prefix);
            }

            level = said;
            if (before.Length > 0 && (region = Township(regions, before)) is null)
            {
                return VillageDeputies(prefix); // 金霞社区 ends in 区 without being a level
            }
        }

        var deputies = new BooleanQuery { { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST } };
        if (region is not null)
        {
            deputies.Add(ChineseQuery.InPlace(region, _analyzer), Occur.MUST);
        }

        if (level is not null)
        {
            deputies.Add(new TermQuery(new Term(SearchFields.Level, level)), Occur.MUST);
        }

        var ranked = new BooleanQuery { { new ConstantScoreQuery(deputies) { Boost = DeputyRoleBoost }, Occur.SHOULD } };
        if (level is null && region is not null && region.EndsWith('县'))
        {
            // 湘潭县人大代表 says the county's congress: its deputies before the townships' own.
            var county = new BooleanQuery
            {
                { deputies, Occur.MUST },
                { new TermQuery(new Term(SearchFields.Level, "county")), Occur.MUST },
            };
            ranked.Add(new ConstantScoreQuery(county) { Boost = DeputyRoleBoost / 10 }, Occur.SHOULD);
        }

        return ranked;
    }

    /// <summary>
    /// 金霞社区人大代表, 烟塘代表: a village or community (two characters or more) that deputies' place keywords
    /// hold, which are their township's villages: that township's deputies first. Null when no deputy has it.
    /// </summary>
    private Query? VillageDeputies(string place)
    {
        if (place.Length < 2 || ChineseQuery.Analyze(_analyzer, place) is not { Count: > 0 } tokens)
        {
            return null;
        }

        var deputies = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST },
            { ChineseQuery.ForField(SearchFields.Keywords, tokens), Occur.MUST },
        };
        return _searcher.Search(deputies, 1).TotalHits == 0 ? null
            : new ConstantScoreQuery(deputies) { Boost = DeputyRoleBoost };
    }

    /// <summary>
    /// Added to the score of a deputy of the place or level typed before 人大代表: more than any text score,
    /// as <see cref="PlaceStationBoost"/> is for a place typed alone.
    /// </summary>
    public const float DeputyRoleBoost = 10_000f;

    /// <summary>
    /// A question that asks for a deputy (找哪个人大代表反映) and names a township (易俗河镇, 花石): the loose
    /// query's pages and also that township's stations (first: the door a citizen knocks at, with its
    /// deputies' names) and deputies (after the pages about the question's words). Unchanged without a township.
    /// </summary>
    private Query ContactsIn(string text, Query loose)
    {
        var places = PlacesIn(text);
        if (places.Count == 0)
        {
            return loose;
        }

        var query = new BooleanQuery { { loose, Occur.SHOULD } };
        foreach (var region in places)
        {
            var stations = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Type, SearchTypes.Station)), Occur.MUST },
                { new TermQuery(new Term(SearchFields.Region, region)), Occur.MUST },
            };
            var deputies = new BooleanQuery
            {
                { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST },
                { ChineseQuery.InPlace(region, _analyzer), Occur.MUST },
            };
            query.Add(new ConstantScoreQuery(stations) { Boost = PlaceStationBoost }, Occur.SHOULD);
            query.Add(new ConstantScoreQuery(deputies) { Boost = 1f }, Occur.SHOULD);
        }

        return query;
    }

    /// <summary>
    /// The townships a longer text names, in full or without 镇, 乡 or 街道 (我住花石，… → 花石镇), as the
    /// region facet has them; not the county, which every deputy and station is in.
    /// </summary>
    private List<string> PlacesIn(string text)
    {
        var found = new List<string>();
        var regions = MultiFields.GetTerms(_reader, SearchFields.Region)?.GetEnumerator();
        var folded = SimplifiedFolding.Fold(text);
        while (regions is not null && regions.MoveNext())
        {
            var region = regions.Term.Utf8ToString();
            var bare = region;
            foreach (var suffix in (string[])["街道", "镇", "乡"])
            {
                if (region.EndsWith(suffix, StringComparison.Ordinal) && region.Length - suffix.Length >= 2)
                {
                    bare = region[..^suffix.Length];
                    break;
                }
            }

            if (!region.EndsWith('县') && folded.Contains(bare, StringComparison.Ordinal))
            {
                found.Add(region);
            }
        }

        return found;
    }

    /// <summary>The township whose region page has the code typed (430321107 → 花石镇); null when none.</summary>
    private string? CodedTownship(string text)
    {
        if (text.Length is < 6 or > 12 || !text.All(char.IsAsciiDigit))
        {
            return null;
        }

        var page = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.Type, SearchTypes.Region)), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Keywords, text)), Occur.MUST },
        };
        var found = _searcher.Search(page, 1).ScoreDocs;
        return found.Length == 1 ? _searcher.Doc(found[0].Doc).Get(SearchFields.Region) : null;
    }

    /// <summary>Whether every chunk names a township (花石, 谭家山镇).</summary>
    private bool Townships(IReadOnlyList<string> chunks)
    {
        var regions = MultiFields.GetTerms(_reader, SearchFields.Region)?.GetEnumerator();
        return regions is not null && chunks.All(chunk => Township(regions, chunk) is not null);
    }

    /// <summary>The township a place typed names (花石 → 花石镇), as the region facet has it; null when none.</summary>
    private static string? Township(TermsEnum regions, string text)
    {
        if (text.Length is < 2 or > 10 || !text.All(c => c is >= '\u3400' and <= '\u9fff'))
        {
            return null;
        }

        // The index names townships in full (花石镇, 易俗河镇); people often leave out 镇, 乡 or 街道.
        foreach (var suffix in (string[])["", "镇", "乡", "街道"])
        {
            if (suffix.Length > 0 && text.EndsWith(suffix[^1]))
            {
                continue;
            }

            var region = SimplifiedFolding.Fold(text) + suffix;
            if (regions.SeekExact(new Lucene.Net.Util.BytesRef(region)))
            {
                return region;
            }
        }

        return null;
    }

    /// <summary>
    /// Added to the score of the region page of a place typed alone: below its stations
    /// (<see cref="PlaceStationBoost"/>), above any text score, so the township's own page comes right after them.
    /// </summary>
    public const float PlaceRegionBoost = 5_000f;

    /// <summary>
    /// Added to the score of a station of the place typed alone: more than any text score of the
    /// sample's or the real texts' pages, so such a station comes first; among the place's stations,
    /// their own scores decide (the one named after the place itself first).
    /// </summary>
    public const float PlaceStationBoost = 10_000f;

    /// <summary>
    /// 王建国代表: the page of the deputy whose whole name comes before the form of address, when the
    /// hits shown do not already hold it; null otherwise (王代表 names no one deputy).
    /// </summary>
    private (string Title, string Url)? AddressedDeputy(string text, List<SearchHitResult> hits)
    {
        if (ChineseQuery.AddressedName(text) is not var (name, _))
        {
            return null;
        }

        var query = new BooleanQuery
        {
            { new TermQuery(new Term(SearchFields.TitleExact, ChineseQuery.ExactTitle(name))), Occur.MUST },
            { new TermQuery(new Term(SearchFields.Type, SearchTypes.Deputy)), Occur.MUST },
        };
        var found = _searcher.Search(query, 2).ScoreDocs;
        if (found.Length != 1)
        {
            return null; // none, or two deputies of one name: the hits say more than one link could
        }

        var document = _searcher.Doc(found[0].Doc);
        var url = document.Get(SearchFields.Url);
        return hits.Any(h => h.Url == url) ? null : (document.Get(SearchFields.Title), url);
    }

    private static int LastPage(long matched) => (int)Math.Min(SearchRequest.MaxPage, (matched + SearchRequest.PageSize - 1) / SearchRequest.PageSize);

    private (TopFieldCollector Top, FacetingCollector Facets) Collect(Query query, SearchRequest request, int page)
    {
        var top = TopFieldCollector.Create(Order, page * SearchRequest.PageSize, fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: true);
        var region = Blank(request.Region);
        if (region is not null && region.All(char.IsAsciiDigit))
        {
            // A region code (430321100): the records that keep it among their places' keywords (deputies
            // and stations, by the codes of their region, the regions above and their township's villages).
            query = new BooleanQuery
            {
                { query, Occur.MUST },
                { new ConstantScoreQuery(new TermQuery(new Term(SearchFields.Keywords, region))) { Boost = 0 }, Occur.MUST },
            };
            region = null;
        }

        var facets = new FacetingCollector(top,
        [
            (SearchFields.Type, Blank(request.Type)),
            (SearchFields.Region, region),
            (SearchFields.Year, Blank(request.Year)),
        ]);
        _searcher.Search(query, facets);
        return (top, facets);
    }

    /// <summary>Whether <paramref name="text"/> as typed finds anything with the request's filters.</summary>
    private bool Finds(string text, SearchRequest request) =>
        ChineseQuery.Parse(text, _analyzer, _rankByWords).Query is { } query && Collect(query, request, 1).Facets.Matched > 0;

    /// <summary>Every match counted, without sampling: to check how close the estimates are.</summary>
    public int CountExactly(string text)
    {
        var parsed = ChineseQuery.Parse(text, _analyzer);
        if (parsed.Query is null)
        {
            return 0;
        }

        var counter = new TotalHitCountCollector();
        _searcher.Search(parsed.Query, counter);
        return counter.TotalHits;
    }

    private SearchHitResult ToHit(Lucene.Net.Documents.Document doc, float score, IReadOnlySet<string> terms)
    {
        var type = doc.Get(SearchFields.Type);
        return new SearchHitResult(
            doc.Get(SearchFields.Url),
            doc.Get(SearchFields.Title),
            type,
            SearchTypes.Label(type),
            Snippets.Build(_analyzer, doc.Get(SearchFields.Body) ?? "", terms),
            doc.Get(SearchFields.Date),
            doc.Get(SearchFields.Region),
            score);
    }

    /// <summary>Types in the site's fixed order (deputies first), not by count: people learn where to look.</summary>
    private static List<FacetCount> TypeFacet(IReadOnlyDictionary<string, long> counts, Func<long, long> scaled) =>
        SearchTypes.All.Where(t => counts.ContainsKey(t.Type)).Select(t => new FacetCount(t.Type, t.Label, scaled(counts[t.Type]))).ToList();

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    /// <summary>Drops the owner's reference; the files close when the last search in flight releases its own.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Release();
        }
    }

    /// <summary>Stops going through the index's segments once the collector's sample is full.</summary>
    private sealed class SampledSearcher(IndexReader reader) : IndexSearcher(reader)
    {
        protected override void Search(IList<AtomicReaderContext> leaves, Weight weight, ICollector collector)
        {
            if (collector is not FacetingCollector sampled)
            {
                base.Search(leaves, weight, collector);
                return;
            }

            foreach (var leaf in leaves)
            {
                if (sampled.StoppedAt is not null)
                {
                    return;
                }

                base.Search([leaf], weight, collector);
            }
        }
    }
}
