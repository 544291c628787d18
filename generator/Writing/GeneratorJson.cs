using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Site.Contracts;
using Site.Generator.Model;
using Site.Generator.Rendering.Pages;
using Site.Generator.Serving;
using Site.Theme.ViewModels;

namespace Site.Generator.Writing;

/// <summary>
/// Every type the generator writes or reads as JSON, with System.Text.Json's source-generated
/// metadata instead of reflection: the native generator (Native AOT, see Site.Generator.csproj) has
/// no reflection-based JSON, and the ReadyToRun build uses the same metadata, so both write the same
/// bytes. A type missing here fails in every build, and so in the tests (NotSupportedException).
/// </summary>
[JsonSerializable(typeof(DraftManifest))]
[JsonSerializable(typeof(DeputyManifest))]
[JsonSerializable(typeof(StationManifest))]
[JsonSerializable(typeof(SiteChrome))]
[JsonSerializable(typeof(SiteManifest.Manifest))]
[JsonSerializable(typeof(LiveReload.State))]
[JsonSerializable(typeof(OpenDataPages.JsonTable))]
[JsonSerializable(typeof(IEnumerable<BallotPages.JsonBallot>))]
internal sealed partial class GeneratorJson : JsonSerializerContext
{
    /// <summary>
    /// <paramref name="settings"/> (naming, encoder, indentation, nulls) with this context's metadata:
    /// a copy, made once per settings, for <see cref="Info{T}"/>.
    /// </summary>
    public static JsonSerializerOptions With(JsonSerializerOptions settings) =>
        new(settings) { TypeInfoResolver = Default };

    /// <summary>The metadata of <typeparamref name="T"/> under <paramref name="options"/> (made by <see cref="With"/>).</summary>
    public static JsonTypeInfo<T> Info<T>(JsonSerializerOptions options) => (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
}
