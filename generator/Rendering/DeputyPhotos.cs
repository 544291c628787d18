using System.Collections.Concurrent;
using System.IO.Hashing;
using SkiaSharp;
using Site.Generator.Diagnostics;
using Site.Generator.Model;
using Site.Generator.Validation;
using Site.Generator.Writing;
using Site.Theme.ViewModels;

namespace Site.Generator.Rendering;

/// <summary>
/// Deputies' photos, resized at build time with SkiaSharp for the three places that show them: the
/// rosters (<see cref="Thumb"/>), the station page and poster (<see cref="Card"/>), and the deputy's
/// page, whose first block prints as the 三亮 card (<see cref="Profile"/>). Each is a 3:4 portrait
/// crop (the shape of a 证件照), EXIF orientation applied, encoded as WebP.
/// <para>
/// A photo is the deputy's <c>photo:</c> (照片 column), or else by convention
/// <c>content/deputies/&lt;id&gt;.jpg</c> (.jpeg, .png, .webp). Only the header is read while
/// planning (size, type, orientation); pixels are decoded when the files are written. Output names
/// carry a hash of the source bytes and of <see cref="Recipe"/>, so a file the previous build wrote
/// under the same name is kept (hard-linked) and an unchanged photo is never encoded again, by
/// `build` as well as `serve`.
/// </para>
/// </summary>
public sealed class DeputyPhotos
{
    /// <summary>The output sizes in pixels (width × height), twice the CSS size for sharp phone screens.</summary>
    public static readonly PhotoSize Thumb = new("s", 96, 128);

    public static readonly PhotoSize Card = new("m", 240, 320);

    public static readonly PhotoSize Profile = new("l", 480, 640);

    /// <summary>A larger file is not read: an office's photo is a few megabytes; one this large is a scan or a raw camera file.</summary>
    public const long MaxBytes = 20 * 1024 * 1024;

    /// <summary>More pixels than a 40-megapixel camera takes are not decoded (a decompression bomb costs gigabytes).</summary>
    public const long MaxPixels = 40_000_000;

    /// <summary>Changes whenever the sizes, crop or encoder settings change, so every photo is encoded again.</summary>
    private const string Recipe = "webp-q80-3x4-v1";

    private const string Folder = "deputies/photos";

    private static readonly string[] ConventionExtensions = [".jpg", ".jpeg", ".png", ".webp"];

    private readonly ConcurrentDictionary<DeputyId, Entry> _entries;

    // Photo files nothing but a deputy's photo field (or the folder convention) names.
    private readonly HashSet<string> _private;

    private DeputyPhotos(ConcurrentDictionary<DeputyId, Entry> entries, HashSet<string> privateFiles)
    {
        _entries = entries;
        _private = privateFiles;
    }

    /// <summary>No photos (a site without deputies, or a test).</summary>
    public static DeputyPhotos None { get; } = new(new(), []);

    /// <summary>
    /// The content files to publish as they are: all but the originals of deputies' photos, which are
    /// published only resized (an original may be a camera's full-size file, with the camera's EXIF: its
    /// GPS position and time). An original a story's cover also names is published.
    /// </summary>
    public IEnumerable<string> Published(IEnumerable<string> staticFiles) =>
        _private.Count == 0 ? staticFiles : staticFiles.Where(f => !_private.Contains(f));

    public sealed record PhotoSize(string Suffix, int Width, int Height);

    private sealed record Entry(string SourcePath, string Hash, DeputyPhotoView View);

    /// <summary>The deputy's photo URLs, or null when the deputy has none (the page shows a placeholder).</summary>
    public DeputyPhotoView? For(DeputyId id) => _entries.TryGetValue(id, out var entry) ? entry.View : null;

    /// <summary>Files the photos are read from, site-root relative (content/deputies/D0001.jpg).</summary>
    public IEnumerable<string> Sources => _entries.Values.Select(e => e.SourcePath).Distinct(StringComparer.Ordinal);

    public int Count => _entries.Count;

    /// <summary>
    /// Finds and checks every deputy's photo. A file that is too large, not an image, or an image of
    /// a type other than its name says is an error at the deputy's photo field (or at the file, for
    /// one found by convention); a small one is a warning. Missing files were reported by the linker.
    /// </summary>
    public static DeputyPhotos Inspect(string root, ValidatedSite validated, SiteModel site, DiagnosticBag diagnostics)
    {
        var staticFiles = validated.StaticFiles.ToHashSet(StringComparer.Ordinal);

        // Where each photo was named, so a problem is reported there (the roster's row and column).
        var named = validated.References.Where(r => r.Kind == ReferenceKind.Image)
            .ToLookup(r => r.Id, r => r.Location, StringComparer.Ordinal);
        var entries = new ConcurrentDictionary<DeputyId, Entry>();
        var checkedFiles = new ConcurrentDictionary<string, Header?>(StringComparer.Ordinal);
        Parallel.ForEach(site.Deputies, deputy =>
        {
            string? file;
            SourceLocation at;
            if (deputy.Photo is { } photo)
            {
                file = "content" + photo;
                if (!staticFiles.Contains(file))
                {
                    return; // reported by the linker (SG3104)
                }

                at = named[photo].FirstOrDefault(l => l.Path.StartsWith("input/", StringComparison.Ordinal), new SourceLocation(file));
            }
            else
            {
                file = ConventionExtensions.Select(e => $"content/deputies/{deputy.Id.Value}{e}").FirstOrDefault(staticFiles.Contains);
                if (file is null)
                {
                    return;
                }

                at = new SourceLocation(file);
            }

            var header = checkedFiles.GetOrAdd(file, f => ReadHeader(Path.Combine(root, f), f, at, diagnostics));
            if (header is null)
            {
                return;
            }

            string Url(PhotoSize size) => $"/{Folder}/{deputy.Id.Value}-{header.Hash}-{size.Suffix}.webp";
            entries[deputy.Id] = new Entry(file, header.Hash, new DeputyPhotoView(Url(Thumb), Url(Card), Url(Profile)));
        });

        var namedElsewhere = validated.References
            .Where(r => r.Kind == ReferenceKind.Image && !r.Location.Path.StartsWith("input/" + Vocabulary.DeputyVocabulary.Folder + "/", StringComparison.Ordinal))
            .Select(r => "content" + r.Id).ToHashSet(StringComparer.Ordinal);
        return new DeputyPhotos(entries, entries.Values.Select(e => e.SourcePath).Where(f => !namedElsewhere.Contains(f)).ToHashSet(StringComparer.Ordinal));
    }

    private sealed record Header(string Hash);

    private static Header? ReadHeader(string fullPath, string file, SourceLocation at, DiagnosticBag diagnostics)
    {
        var info = new FileInfo(fullPath);
        if (info.Length > MaxBytes)
        {
            diagnostics.Error(DiagnosticCodes.PhotoTooLarge, at,
                $"照片 {file} 有 {info.Length / 1024 / 1024} MB，超过 {MaxBytes / 1024 / 1024} MB：请用看图软件另存为较小的 JPG（长边 2000 像素左右即可）");
            return null;
        }

        if (info.Length == 0)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePhoto, at, $"照片 {file} 是空文件：请重新复制照片");
            return null;
        }

        var bytes = File.ReadAllBytes(fullPath);
        using var data = SKData.CreateCopy(bytes);
        using var codec = SKCodec.Create(data);
        if (codec is null)
        {
            diagnostics.Error(DiagnosticCodes.UnreadablePhoto, at,
                $"照片 {file} 无法识别为图片（文件可能已损坏，或扩展名与内容不符，例如把 Word 文档、HEIC 照片改名为 .jpg）：请用看图软件打开后另存为 JPG");
            return null;
        }

        var (width, height) = Upright(codec.Info.Width, codec.Info.Height, codec.EncodedOrigin);
        if ((long)width * height > MaxPixels)
        {
            diagnostics.Error(DiagnosticCodes.PhotoTooLarge, at,
                $"照片 {file} 有 {width}×{height} 像素，超过 {MaxPixels / 1_000_000} 百万像素：请缩小后再用（长边 2000 像素左右即可）");
            return null;
        }

        if (width < Profile.Width / 2 || height < Profile.Height / 2)
        {
            diagnostics.Warning(DiagnosticCodes.PhotoTooSmall, at,
                $"照片 {file} 只有 {width}×{height} 像素，代表页面上会显得模糊：最好用不小于 {Profile.Width}×{Profile.Height} 像素的照片");
        }

        var hash = new XxHash64();
        hash.Append(bytes);
        hash.Append(System.Text.Encoding.UTF8.GetBytes(Recipe));
        return new Header(hash.GetCurrentHashAsUInt64().ToString("x16"));
    }

    /// <summary>
    /// Writes each size of every photo: kept from the previous build when its name (source hash) is
    /// already there, else decoded, turned upright, cropped, resized and encoded. A photo that fails
    /// to decode after its header passed is an error at its file, not a crash.
    /// </summary>
    /// <returns>How many photos were encoded (not kept).</returns>
    public int Write(string root, SiteOutput writer, DiagnosticBag diagnostics)
    {
        var encoded = 0;
        var sizes = new[] { Thumb, Card, Profile };
        var byFile = _entries.Values.GroupBy(e => e.SourcePath, StringComparer.Ordinal).ToList();
        Parallel.ForEach(byFile, group =>
        {
            var pending = new List<(string Path, PhotoSize Size)>();
            foreach (var entry in group)
            {
                foreach (var size in sizes)
                {
                    var path = Url(entry.View, size).TrimStart('/');
                    if (!writer.Keep(path))
                    {
                        pending.Add((path, size));
                    }
                }
            }

            if (pending.Count == 0)
            {
                return;
            }

            try
            {
                using var upright = DecodeUpright(Path.Combine(root, group.Key));
                if (upright is null)
                {
                    diagnostics.Error(DiagnosticCodes.UnreadablePhoto, new SourceLocation(group.Key), $"照片 {group.Key} 无法解码：请用看图软件打开后另存为 JPG");
                    return;
                }

                foreach (var (path, size) in pending)
                {
                    writer.Write(path, Encode(upright, size));
                }

                Interlocked.Increment(ref encoded);
            }
            catch (Exception e) when (e is IOException or InvalidOperationException or ArgumentException)
            {
                diagnostics.Error(DiagnosticCodes.UnreadablePhoto, new SourceLocation(group.Key), $"照片 {group.Key} 处理失败：{e.Message}");
            }
        });

        return encoded;
    }

    private static string Url(DeputyPhotoView view, PhotoSize size) =>
        size == Thumb ? view.Thumb : size == Card ? view.Card : view.Profile;

    /// <summary>The photo's size once turned upright: EXIF orientations 5–8 swap width and height.</summary>
    private static (int Width, int Height) Upright(int width, int height, SKEncodedOrigin origin) =>
        origin is SKEncodedOrigin.LeftTop or SKEncodedOrigin.RightTop or SKEncodedOrigin.RightBottom or SKEncodedOrigin.LeftBottom
            ? (height, width)
            : (width, height);

    /// <summary>The decoded photo turned as its EXIF Orientation says (the camera's sensor is stored sideways), or null if it does not decode.</summary>
    internal static SKImage? DecodeUpright(string fullPath)
    {
        using var data = SKData.Create(fullPath);
        using var codec = data is null ? null : SKCodec.Create(data);
        if (codec is null)
        {
            return null;
        }

        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Premul);
        using var bitmap = new SKBitmap(info);
        var result = codec.GetPixels(info, bitmap.GetPixels());
        if (result is not (SKCodecResult.Success or SKCodecResult.IncompleteInput))
        {
            return null;
        }

        float w = info.Width, h = info.Height;
        var (uw, uh) = Upright(info.Width, info.Height, codec.EncodedOrigin);

        // x' = ScaleX·x + SkewX·y + TransX, y' = SkewY·x + ScaleY·y + TransY (EXIF 1–8, TIFF 6.0 §Orientation).
        var matrix = codec.EncodedOrigin switch
        {
            SKEncodedOrigin.TopRight => new SKMatrix(-1, 0, w, 0, 1, 0, 0, 0, 1),
            SKEncodedOrigin.BottomRight => new SKMatrix(-1, 0, w, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.BottomLeft => new SKMatrix(1, 0, 0, 0, -1, h, 0, 0, 1),
            SKEncodedOrigin.LeftTop => new SKMatrix(0, 1, 0, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightTop => new SKMatrix(0, -1, h, 1, 0, 0, 0, 0, 1),
            SKEncodedOrigin.RightBottom => new SKMatrix(0, -1, h, -1, 0, w, 0, 0, 1),
            SKEncodedOrigin.LeftBottom => new SKMatrix(0, 1, 0, -1, 0, w, 0, 0, 1),
            _ => SKMatrix.Identity,
        };
        using var surface = SKSurface.Create(new SKImageInfo(uw, uh, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);
        surface.Canvas.SetMatrix(matrix);
        surface.Canvas.DrawBitmap(bitmap, 0, 0);
        return surface.Snapshot();
    }

    /// <summary>A 3:4 crop of the upright photo (centred across, a little above centre down, where a portrait's face is), resized and encoded as WebP.</summary>
    internal static byte[] Encode(SKImage upright, PhotoSize size)
    {
        var scale = Math.Max((float)size.Width / upright.Width, (float)size.Height / upright.Height);
        var cropWidth = size.Width / scale;
        var cropHeight = size.Height / scale;
        var left = (upright.Width - cropWidth) / 2;
        var top = (upright.Height - cropHeight) * 0.3f;
        using var surface = SKSurface.Create(new SKImageInfo(size.Width, size.Height, SKColorType.Rgba8888, SKAlphaType.Premul));
        surface.Canvas.Clear(SKColors.White);

        // Mipmaps: a 4000-pixel photo shrunk to 96 would alias with plain bilinear sampling.
        surface.Canvas.DrawImage(upright, SKRect.Create(left, top, cropWidth, cropHeight), SKRect.Create(size.Width, size.Height),
            new SKSamplingOptions(SKFilterMode.Linear, SKMipmapMode.Linear));
        using var image = surface.Snapshot();
        using var encoded = image.Encode(SKEncodedImageFormat.Webp, 80);
        return encoded.ToArray();
    }
}
