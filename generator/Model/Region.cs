namespace Site.Generator.Model;

/// <summary>行政区划: county → township/street → village/community, with official codes.</summary>
public sealed record Region(RegionCode Code, string Name, RegionCode? Parent, string Level);
