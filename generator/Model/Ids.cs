namespace Site.Generator.Model;

// Typed ids, so a station id cannot be passed where a deputy id is wanted.

public readonly record struct DeputyId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct StationId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct RegionCode(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct BallotId(string Value)
{
    public override string ToString() => Value;
}

public readonly record struct DraftId(string Value)
{
    public override string ToString() => Value;
}
