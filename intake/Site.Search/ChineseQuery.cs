using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Site.Search;

/// <summary>
/// Turns what a person typed into a query with substring behaviour. Each whitespace-separated chunk
/// goes through the same analyzer as the index and becomes one phrase with the tokens' own positions;
/// unigrams covered by a bigram are dropped (子祠 is the phrase 子祠, not 子 OR 祠 OR 子祠), so the
/// chunk matches exactly where those characters stand together. Every chunk must match, in the title,
/// the body or the keywords (pinyin); a title match weighs most.
/// </summary>
public static class ChineseQuery
{
    public const int MaxLength = 100;
    public const int MaxChunks = 8;

    private static readonly (string Field, float Boost)[] Fields =
    [
        (SearchFields.Title, 6f),
        (SearchFields.Body, 1f),
        (SearchFields.Keywords, 4f),
    ];

    /// <summary>The query (null when nothing searchable was typed) and the terms to mark in snippets.</summary>
    /// <summary>
    /// The query (null when nothing searchable was typed), the terms to mark in snippets, and a
    /// looser query to try when the query finds nothing (null when there is none): each SmartCn word
    /// of a chunk must appear, not the chunk as typed (更换维护保养单位 finds 更换电梯维护保养单位).
    /// </summary>
    /// <param name="Loose">When <paramref name="Relaxed"/> finds nothing too: most of those words, not all.</param>
    public sealed record Parsed(Query? Query, IReadOnlySet<string> Terms, Query? Relaxed = null, IReadOnlySet<string>? RelaxedTerms = null, Query? Loose = null)
    {
        /// <summary>Made on first use: only a query that finds nothing needs it, and it segments the text again.</summary>
        internal Lazy<(Query? Query, IReadOnlySet<string>? Terms)>? PiecesSource { get; init; }

        /// <summary>
        /// Tried first when the query finds nothing: each piece of a chunk in one field, where a piece is a
        /// SmartCn word, a run of characters the segmenter split one by one (a name or place it does not
        /// know: 叶瑜, 易俗河镇) kept together, or a lone character (易俗河镇联络站 finds 易俗河镇代表联络站); or, for
        /// a place followed by a kind of station (<see cref="StationKinds"/>), the stations with that place in
        /// their name (射埠联系点 finds 射埠镇代表之家); for a name before a form of address (<see cref="FormsOfAddress"/>),
        /// the deputies of that name first (叶瑜代表). Null when it would ask what <see cref="Relaxed"/> asks.
        /// </summary>
        public Query? Pieces => PiecesSource?.Value.Query;

        public IReadOnlySet<string>? PiecesTerms => PiecesSource?.Value.Terms;

        /// <summary>
        /// For text typed as several chunks (花石 谭家山: two places): pages with any of the chunks, those
        /// with more of them first; null for one chunk. Tried when every chunk together finds nothing,
        /// before <see cref="Loose"/>: a person who types two names means either, not a sentence's words.
        /// </summary>
        public Query? AnyChunk { get; init; }

        /// <summary>The chunks as typed (<see cref="AnyChunk"/> ranks the places among them).</summary>
        public IReadOnlyList<string> Chunks { get; init; } = [];

        /// <summary>
        /// Whether the text asks for a deputy or a station by a <see cref="RoleWords"/> word (找哪个人大代表反映):
        /// with a place in it, that place's stations and deputies are among what <see cref="Loose"/> finds.
        /// </summary>
        public bool AsksForDeputy { get; init; }
    }

    /// <summary>
    /// Words that name whom a person wants (人大代表, 代表, 联络站, 代表之家) rather than what about: a question's
    /// <see cref="Parsed.Loose"/> query does not count them among the words a page must have (every deputy's page
    /// has 人大代表), and <see cref="Parsed.AsksForDeputy"/> says one was there.
    /// </summary>
    public static readonly IReadOnlySet<string> RoleWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "人大代表", "代表", "人大", "联络站", "联系点", "代表之家", "之家",
    };

    /// <summary>
    /// Words of a question that say nothing a page is about (应该, 哪个, 怎么办, 我家, 问题): a long question's
    /// <see cref="Parsed.Loose"/> query asks for its other words, so that 我家小区停车难，应该找哪个人大代表反映问题
    /// finds the pages about 停车 and 小区. They still rank, as every word of the text does.
    /// </summary>
    public static readonly IReadOnlySet<string> QuestionWords = new HashSet<string>(StringComparer.Ordinal)
    {
        "应该", "应当", "哪个", "哪些", "哪里", "哪儿", "什么", "怎么", "怎么办", "怎样", "如何", "请问", "可以", "能否",
        "能不能", "是否", "为什么", "多少", "我们", "我家", "你们", "他们", "自己", "一下", "问问", "想问", "需要",
        "有没有", "是不是", "这个", "那个", "这些", "那些", "现在", "已经", "问题", "反映", "情况", "事情", "谢谢",
        "您好", "你好", "咨询", "一个", "没有",
    };

    /// <summary>
    /// The deputy levels a person says before 人大代表 (县人大代表, 乡镇代表), as the index's level field has them
    /// (the generator's <c>DeputyLevel</c>, lower case), longest first.
    /// </summary>
    public static readonly IReadOnlyList<(string Said, string Level)> DeputyLevels =
    [
        ("全国", "national"), ("省级", "provincial"), ("市级", "city"), ("县级", "county"), ("乡镇", "township"),
        ("乡级", "township"), ("镇级", "township"), ("省", "provincial"), ("市", "city"), ("县", "county"), ("区", "county"),
        ("乡", "township"), ("镇", "township"),
    ];

    /// <summary>
    /// 湘潭县人大代表, 县人大代表, 易俗河镇代表, 花石 代表们: what comes before a trailing 人大代表 or 代表 (with 名单, 们
    /// or 的 around it, spaces removed), to be read as a place and/or a level; null when the text is not that
    /// or nothing comes before (代表 alone). Whether the start names a place is the index's to say.
    /// </summary>
    public static string? DeputyRolePrefix(string text)
    {
        var joined = string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        foreach (var tail in (string[])["名单", "们"])
        {
            if (joined.EndsWith(tail, StringComparison.Ordinal))
            {
                joined = joined[..^tail.Length];
                break;
            }
        }

        foreach (var role in (string[])["人大代表", "代表"])
        {
            if (joined.EndsWith(role, StringComparison.Ordinal))
            {
                var prefix = joined[..^role.Length].TrimEnd('的');
                return prefix.Length is > 0 and <= 12 && prefix.All(IsHan) ? prefix : null;
            }
        }

        return null;
    }

    /// <summary>The level said at the end of <paramref name="prefix"/> (县, 乡镇级) and what comes before it; null when none.</summary>
    public static (string Before, string Level)? SaidLevel(string prefix)
    {
        foreach (var (said, level) in DeputyLevels)
        {
            if (prefix.EndsWith(said, StringComparison.Ordinal))
            {
                return (prefix[..^said.Length], level);
            }

            if (prefix.EndsWith(said + "级", StringComparison.Ordinal) && said.Length == 1)
            {
                return (prefix[..^2], level);
            }
        }

        return null;
    }

    /// <summary>
    /// Pages whose place is <paramref name="region"/>: the region facet, or the place keywords (a deputy
    /// or station lists its region, the regions above it and its township's villages, so the county finds them all).
    /// </summary>
    public static Query InPlace(string region, Analyzer analyzer)
    {
        var either = new BooleanQuery { { new TermQuery(new Term(SearchFields.Region, region)), Occur.SHOULD } };
        if (Analyze(analyzer, region) is { Count: > 0 } tokens)
        {
            either.Add(ForField(SearchFields.Keywords, tokens), Occur.SHOULD);
        }

        return either;
    }

    /// <summary>
    /// How people address a deputy after the name (叶瑜代表, 王主任, 陈书记): when nothing holds such a chunk
    /// as typed, it finds the deputies whose name starts with what comes before (<see cref="MaxNameLength"/>
    /// characters at most) first. The query as typed stays exact: 刘文斌代表 finds only the pages that hold it.
    /// Longest first: the congress's own titles (代表, 委员, 主任, 主席) and the usual ways of addressing an official or a professional.
    /// </summary>
    public static readonly IReadOnlyList<string> FormsOfAddress =
        ["人大代表", "副主任", "代表", "委员", "主任", "主席", "同志", "书记", "老师", "医生", "镇长", "乡长", "村长", "社长", "组长", "站长", "局长", "县长", "校长", "院长", "经理", "先生", "女士"];

    /// <summary>A personal name: one or two characters of surname, one or two of given name.</summary>
    public const int MaxNameLength = 4;

    /// <summary>
    /// The kinds of liaison station as people name them (代表之家, 代表联络站, 代表联系点 and their short
    /// forms), longest first: a place followed by one finds that place's stations, whatever their kind.
    /// </summary>
    public static readonly IReadOnlyList<string> StationKinds =
        ["人大代表联络站", "人大代表之家", "基层立法联系点", "代表联络站", "代表联系点", "立法联系点", "代表之家", "联络站", "联系点", "代表站", "家站点", "之家", "站点"];

    /// <summary>Splits 叶瑜代表 into (叶瑜, 代表): a trailing form of address after a short run of CJK characters; null otherwise.</summary>
    public static (string Name, string Address)? AddressedName(string chunk)
    {
        foreach (var address in FormsOfAddress)
        {
            if (chunk.Length > address.Length && chunk.EndsWith(address, StringComparison.Ordinal)
                && chunk[..^address.Length] is var name && name.Length <= MaxNameLength && name.All(IsHan))
            {
                return (name, address);
            }
        }

        return null;
    }

    /// <summary>Splits 射埠联系点 into (射埠, 联系点): a place and a trailing kind of station; null otherwise.</summary>
    public static (string Place, string Kind)? StationPlace(string chunk)
    {
        foreach (var kind in StationKinds)
        {
            if (chunk.Length > kind.Length + 1 && chunk.EndsWith(kind, StringComparison.Ordinal) && chunk[..^kind.Length].All(IsHan))
            {
                return (chunk[..^kind.Length], kind);
            }
        }

        return null;
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff';

    /// <summary>
    /// The chunk's SmartCn words with each run of single characters (what the segmenter makes of a name
    /// it does not know) joined into one piece: 叶瑜代表 → 叶瑜, 代表; 易俗河镇联络站 → 易俗河镇, 联络, 站.
    /// </summary>
    public static List<string> Pieces(string chunk)
    {
        var pieces = new List<string>();
        var run = new System.Text.StringBuilder();
        foreach (var word in ChineseWordAnalyzer.Words(chunk))
        {
            if (word.Length == 1 && IsHan(word[0]))
            {
                run.Append(word);
                continue;
            }

            if (run.Length > 0)
            {
                pieces.Add(run.ToString());
                run.Clear();
            }

            pieces.Add(word);
        }

        if (run.Length > 0)
        {
            pieces.Add(run.ToString());
        }

        return pieces;
    }

    /// <param name="rankByWords">
    /// Whether SmartCn words of the query (<see cref="ChineseWordAnalyzer"/>) add to the score and
    /// give the relaxed query. They never decide what the query itself matches: the bigram phrases do.
    /// </param>
    public static Parsed Parse(string? text, Analyzer analyzer, bool rankByWords = true)
    {
        var typed = TextElements.Cut((text ?? "").Trim(), MaxLength);
        var chunks = typed.Split((char[])[' ', '\t', '\u3000', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries).Take(MaxChunks).ToList();
        var (query, terms, each) = AllOf(chunks, analyzer, typed, rankByWords);
        var anyChunk = each.Count > 1 ? AnyOf(each, typed, rankByWords) : null;
        if (query is null || !rankByWords)
        {
            return new Parsed(query, terms) { AnyChunk = anyChunk, Chunks = chunks };
        }

        // Words of two characters or more only: single characters together would match almost anything.
        var words = chunks.SelectMany(chunk => ChineseWordAnalyzer.Words(chunk)).Where(w => w.Length >= 2)
            .Distinct(StringComparer.Ordinal).Take(4 * MaxChunks).ToList();
        if (words.Count == 0)
        {
            return new Parsed(query, terms) { AnyChunk = anyChunk, Chunks = chunks };
        }

        var asksForDeputy = words.Any(RoleWords.Contains);
        var pieces = new Lazy<(Query?, IReadOnlySet<string>?)>(() => PiecesQuery(chunks, words, analyzer, typed), LazyThreadSafetyMode.None);
        var relaxedTerms = new HashSet<string>(StringComparer.Ordinal);
        foreach (var word in words)
        {
            relaxedTerms.UnionWith(Analyze(analyzer, word).Select(t => t.Term));
        }

        // Each word, not the chunk as typed; only when a chunk has several (叶瑜代表 would otherwise be 代表).
        var relaxed = words.Count > chunks.Count ? WordsInOneField(words, analyzer, typed, words.Count) : null;

        // A question or a pasted sentence has words no page has (多少钱, 怎么办): then most of the
        // words that say what about (not QuestionWords, not RoleWords: 我家小区停车难，应该找哪个人大代表反映问题
        // asks for 小区 and 停车), all but a third (one of two, two of three, four of six) and never more than
        // MostWords, ranked by how many and which (every word of the text ranks). Words typed apart (物业费 太贵) count as several.
        var topical = words.Where(w => !QuestionWords.Contains(w) && !RoleWords.Contains(w)).ToList();
        if (topical.Count == 0)
        {
            topical = words;
        }

        var most = Math.Max(1, Math.Min(MostWords, topical.Count - (topical.Count + 2) / 3));
        var loose = most < words.Count || chunks.Count > 1 ? WordsInOneField(topical, analyzer, typed, most) : null;
        var parsed = relaxed is null && loose is null ? new Parsed(query, terms) : new Parsed(query, terms, relaxed, relaxedTerms, loose);
        return parsed with { PiecesSource = pieces, AnyChunk = anyChunk, Chunks = chunks, AsksForDeputy = asksForDeputy };
    }

    /// <summary>See <see cref="Parsed.Pieces"/>; null when it adds nothing to the relaxed query of <paramref name="words"/>.</summary>
    private static (Query? Query, IReadOnlySet<string>? Terms) PiecesQuery(List<string> chunks, List<string> words, Analyzer analyzer, string typed)
    {
        var query = new BooleanQuery();
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var differs = false;
        foreach (var chunk in chunks)
        {
            var pieces = Pieces(chunk).Where(p => Analyze(analyzer, p).Count > 0).Distinct(StringComparer.Ordinal).ToList();
            if (pieces.Count == 0)
            {
                continue;
            }

            // Only a chunk with a name or place the segmenter does not know asks something new.
            differs |= pieces.Any(p => p.Length >= 2 && !words.Contains(p));
            var either = new DisjunctionMaxQuery(0.1f) { WordsInOneField(pieces, analyzer, typed: null, pieces.Count) };
            if (StationPlace(chunk) is var (place, _) && Analyze(analyzer, place) is { Count: > 0 } placeTokens)
            {
                // The station's name says the place; its kind may be said another way (联系点 for 代表之家).
                differs = true;
                either.Add(OfType(SearchTypes.Station, ForField(SearchFields.Title, placeTokens), StationPlaceBoost));
                terms.UnionWith(placeTokens.Select(t => t.Term));
            }

            // 叶瑜代表, 王书记: the deputies whose name starts with what comes before the form of address,
            // first (only deputies: a chunk that ends in 代表 must not bring every page titled by its start).
            if (AddressedName(chunk) is var (name, _))
            {
                differs = true;
                var exactName = ExactTitle(name);
                either.Add(OfType(SearchTypes.Deputy, new PrefixQuery(new Term(SearchFields.TitleExact, exactName)), AddressedNameBoost));
                either.Add(OfType(SearchTypes.Deputy, new TermQuery(new Term(SearchFields.TitleExact, exactName)), 2 * AddressedNameBoost));
                terms.UnionWith(Analyze(analyzer, name).Select(t => t.Term));
            }

            query.Add(either, Occur.MUST);
            foreach (var piece in pieces)
            {
                terms.UnionWith(Analyze(analyzer, piece).Select(t => t.Term));
            }
        }

        if (!differs || query.Clauses.Count == 0)
        {
            return (null, null);
        }

        AddWords(query, typed);
        return (query, terms);
    }

    /// <summary>Pages of one type that match <paramref name="query"/>.</summary>
    private static BooleanQuery OfType(string type, Query query, float boost)
    {
        var both = new BooleanQuery { Boost = boost };
        both.Add(new TermQuery(new Term(SearchFields.Type, type)), Occur.MUST);
        both.Add(query, Occur.MUST);
        return both;
    }

    /// <summary>A station named after the place typed before a kind of station ranks above pages that merely mention both.</summary>
    public const float StationPlaceBoost = 20f;

    /// <summary>A deputy whose name is what was typed before a form of address (叶瑜代表) ranks first.</summary>
    public const float AddressedNameBoost = 30f;

    /// <summary>The most words a loose query asks one field to have: a long pasted sentence's pages have a few of its words, never most.</summary>
    public const int MostWords = 4;

    /// <summary>At least <paramref name="required"/> of the words in one and the same field (never a title's word with a body's).</summary>
    private static BooleanQuery WordsInOneField(List<string> words, Analyzer analyzer, string? typed, int required)
    {
        var query = new BooleanQuery();
        var inOneField = new DisjunctionMaxQuery(0.1f);
        foreach (var (field, boost) in Fields)
        {
            var some = new BooleanQuery { Boost = boost };
            foreach (var word in words)
            {
                some.Add(ForField(field, Analyze(analyzer, word)), required == words.Count ? Occur.MUST : Occur.SHOULD);
            }

            if (required < words.Count)
            {
                some.MinimumNumberShouldMatch = required;
            }

            inOneField.Add(some);
        }

        query.Add(inOneField, Occur.MUST);
        if (typed is not null)
        {
            AddWords(query, typed);
        }

        return query;
    }

    /// <summary>
    /// At least one of the chunks' clauses (<paramref name="each"/>, as <see cref="AllOf"/> made them):
    /// a page's score adds up the chunks it has, and a page with all of them ranks above one with some.
    /// </summary>
    private static BooleanQuery AnyOf(List<Query> each, string typed, bool rankByWords)
    {
        var query = new BooleanQuery();
        var any = new BooleanQuery { MinimumNumberShouldMatch = 1 };
        foreach (var clause in each)
        {
            any.Add(clause, Occur.SHOULD);
        }

        query.Add(any, Occur.MUST);

        // A page with every chunk comes before any page with some, wherever it has them.
        var all = new BooleanQuery();
        foreach (var clause in each)
        {
            all.Add(clause, Occur.MUST);
        }

        query.Add(new ConstantScoreQuery(all) { Boost = AllChunksBoost }, Occur.SHOULD);
        if (rankByWords)
        {
            AddWords(query, typed);
        }

        return query;
    }

    /// <summary>
    /// Added in <see cref="Parsed.AnyChunk"/> to a page with every chunk: more than a text score of the
    /// sample's or the real texts' pages, so those pages come before the pages with some of the chunks.
    /// </summary>
    public const float AllChunksBoost = 1_000f;

    /// <summary>Every chunk as a phrase in some field, plus the optional clauses that rank; and each chunk's own clause.</summary>
    private static (Query? Query, HashSet<string> Terms, List<Query> Each) AllOf(IEnumerable<string> chunks, Analyzer analyzer, string typed, bool rankByWords)
    {
        var terms = new HashSet<string>(StringComparer.Ordinal);
        var query = new BooleanQuery();
        var each = new List<Query>();
        foreach (var chunk in chunks)
        {
            var tokens = Analyze(analyzer, chunk);
            if (tokens.Count == 0)
            {
                continue;
            }

            // The best field counts, the others a little: a page *about* a thing (title match) beats
            // a long page that mentions it often.
            var anyField = new DisjunctionMaxQuery(0.1f);
            foreach (var (field, boost) in Fields)
            {
                var clause = ForField(field, tokens);
                clause.Boost = boost;
                anyField.Add(clause);
            }

            // A lone Latin fragment typed so far (wang, wa) also matches the start of a pinyin name.
            if (tokens is [{ IsLatin: true } only] && only.Term.Length >= 2)
            {
                anyField.Add(new PrefixQuery(new Term(SearchFields.Keywords, only.Term)) { Boost = 2f });
            }

            query.Add(anyField, Occur.MUST);
            each.Add(anyField);
            foreach (var token in tokens)
            {
                terms.Add(token.Term);
            }
        }

        if (query.Clauses.Count == 0)
        {
            return (null, terms, each);
        }

        // Typing a whole name (a deputy, a station, a story's title) puts that page first.
        query.Add(new TermQuery(new Term(SearchFields.TitleExact, ExactTitle(typed))) { Boost = 20f }, Occur.SHOULD);
        if (rankByWords)
        {
            AddWords(query, typed);
        }

        return (query, terms, each);
    }

    public const float TitleWordBoost = 40f;
    public const float WordBoost = 20f;
    public const float PhraseBoost = 2f;

    /// <summary>
    /// Optional clauses that rank by words: each word of the query in the title's words or the
    /// body's (BM25, see <see cref="SearchSimilarity"/>), and all of them as a phrase of the title's
    /// words, so a page titled with 加装电梯 as words (加装 电梯) ranks above one where 装电 happens
    /// to stand together.
    /// </summary>
    private static void AddWords(BooleanQuery query, string text)
    {
        var words = new List<(string Word, int Position)>();
        using (var stream = ChineseWordAnalyzer.Shared.GetTokenStream(SearchFields.Words, text))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken() && words.Count < 4 * MaxChunks)
            {
                position += increment.PositionIncrement;
                words.Add((term.ToString(), position));
            }

            stream.End();
        }

        foreach (var word in words.Select(w => w.Word).Distinct(StringComparer.Ordinal))
        {
            var either = new DisjunctionMaxQuery(0.1f)
            {
                new TermQuery(new Term(SearchFields.TitleWords, word)) { Boost = TitleWordBoost },
                new TermQuery(new Term(SearchFields.Words, word)) { Boost = WordBoost },
            };
            query.Add(either, Occur.SHOULD);
        }

        // The phrase in the title's words only: in the body it changed no ranking of the relevance
        // table, and reading every position of common words in every match was the costliest clause.
        if (words.Count >= 2)
        {
            var phrase = new PhraseQuery { Boost = TitleWordBoost * PhraseBoost };
            foreach (var (word, position) in words)
            {
                phrase.Add(new Term(SearchFields.TitleWords, word), position - words[0].Position);
            }

            query.Add(phrase, Occur.SHOULD);
        }
    }

    /// <summary>A title as compared for exact matches: width, case and traditional forms folded, without spaces.</summary>
    public static string ExactTitle(string title) =>
        string.Concat(SimplifiedFolding.Fold(title.Normalize(System.Text.NormalizationForm.FormKC)).ToLowerInvariant().Where(c => !char.IsWhiteSpace(c)));

    internal static Query ForField(string field, IReadOnlyList<QueryToken> tokens)
    {
        if (tokens is [{ IsLoneCjk: true } lone])
        {
            // The index keeps this character as the start of a bigram, or alone where its run ends.
            return new ConstantScoreQuery(new PrefixUnionFilter(new Term(field, lone.Term)));
        }

        if (tokens.Count == 1)
        {
            return new TermQuery(new Term(field, tokens[0].Term));
        }

        if (tokens.Any(t => t.IsLoneCjk))
        {
            return new PrefixPhraseQuery(field, tokens);
        }

        var phrase = new PhraseQuery();
        foreach (var token in tokens)
        {
            phrase.Add(new Term(field, token.Term), token.Position);
        }

        return phrase;
    }

    /// <summary>
    /// A kept token of a chunk with its position relative to the chunk's first token. A lone CJK
    /// character (one not covered by a bigram of the chunk) is matched as a prefix: the index holds
    /// it only inside the bigram it starts, or alone at the end of a run (<see cref="Unigrams.RunEnds"/>).
    /// </summary>
    public readonly record struct QueryToken(string Term, int Position, bool IsLatin, bool IsLoneCjk = false);

    /// <summary>The chunk's tokens as the index has them, minus unigrams a bigram already covers.</summary>
    public static IReadOnlyList<QueryToken> Analyze(Analyzer analyzer, string chunk)
    {
        var raw = new List<(string Term, int Position, string Type)>();
        using (var stream = analyzer.GetTokenStream(SearchFields.Body, chunk))
        {
            var term = stream.AddAttribute<ICharTermAttribute>();
            var increment = stream.AddAttribute<IPositionIncrementAttribute>();
            var type = stream.AddAttribute<ITypeAttribute>();
            stream.Reset();
            var position = -1;
            while (stream.IncrementToken())
            {
                position += increment.PositionIncrement;
                raw.Add((term.ToString(), position, type.Type));
            }

            stream.End();
        }

        var bigramStarts = raw.Where(t => t.Type == Bigram).Select(t => t.Position).ToHashSet();
        var kept = raw
            .Where(t => t.Type != Single || !(bigramStarts.Contains(t.Position) || bigramStarts.Contains(t.Position - 1)))
            .ToList();
        var first = kept.Count > 0 ? kept[0].Position : 0;
        return kept
            .Select(t => new QueryToken(t.Term, t.Position - first, t.Type is not (Single or Bigram) && t.Term.Any(char.IsAsciiLetter), t.Type == Single))
            .ToList();
    }

    // Token types CJKBigramFilter assigns.
    private const string Single = "<SINGLE>";
    private const string Bigram = "<DOUBLE>";
}
