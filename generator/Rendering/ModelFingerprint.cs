using System.Collections;
using System.Collections.Concurrent;
using System.IO.Hashing;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.InteropServices;

namespace Site.Generator.Rendering;

/// <summary>
/// A 128-bit hash of everything a template can see: the view model's public properties, walked
/// recursively (records, lists, dictionaries, strings, numbers, dates). A template is a pure function
/// of its model and the site chrome, so two equal fingerprints mean the same HTML, and a rebuild can
/// keep the previous page without rendering it. Hashing a model costs a few microseconds; rendering it
/// costs hundreds.
/// </summary>
public static class ModelFingerprint
{
    private const int MaxDepth = 64;
    private static readonly ConcurrentDictionary<Type, TypeShape> Shapes = new();

    public static UInt128 Of(object? model, params ReadOnlySpan<object?> context)
    {
        var hash = Sink.Rent();
        foreach (var part in context)
        {
            Walk(hash, part, 0);
        }

        Walk(hash, model, 0);
        return hash.Finish();
    }

    private static void Walk(Sink hash, object? value, int depth)
    {
        if (depth > MaxDepth)
        {
            throw new InvalidOperationException("View model nests too deeply (a cycle?) to fingerprint.");
        }

        switch (value)
        {
            case null:
                Tag(hash, 0);
                return;
            case string text:
                Tag(hash, 1);
                Int(hash, text.Length);
                hash.Append(MemoryMarshal.AsBytes(text.AsSpan()));
                return;
            case byte[] bytes:
                Tag(hash, 2);
                Int(hash, bytes.Length);
                hash.Append(bytes);
                return;
            case Type type:
                Walk(hash, type.AssemblyQualifiedName, depth + 1);
                return;
        }

        var shape = Shapes.GetOrAdd(value.GetType(), TypeShape.For);
        Int(hash, shape.Id);
        switch (shape.Kind)
        {
            case ShapeKind.Scalar:
                shape.Write!(hash, value);
                return;
            case ShapeKind.Sequence:
                var count = 0;
                foreach (var item in (IEnumerable)value)
                {
                    Walk(hash, item, depth + 1);
                    count++;
                }

                Tag(hash, 3);
                Int(hash, count);
                return;
            default:
                foreach (var getter in shape.Getters)
                {
                    Walk(hash, getter(value), depth + 1);
                }

                return;
        }
    }

    private static void Tag(Sink hash, byte tag) => hash.Append(tag);

    private static void Int(Sink hash, int value) => hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<int>(in value)));

    /// <summary>
    /// The hash a walk feeds, one per thread, reused. A model is hundreds of small values (a tag, a
    /// length, a date): they are gathered in a buffer and handed to the hash in blocks, since each
    /// call into the hash has a fixed cost that outweighed hashing the few bytes themselves.
    /// </summary>
    private sealed class Sink
    {
        private const int Size = 4096;

        [ThreadStatic]
        private static Sink? _current;

        private readonly XxHash128 _hash = new();
        private readonly byte[] _buffer = new byte[Size];
        private int _length;

        public static Sink Rent()
        {
            var sink = _current ??= new Sink();
            sink._hash.Reset();
            sink._length = 0;
            return sink;
        }

        public void Append(byte value)
        {
            if (_length == Size)
            {
                Flush();
            }

            _buffer[_length++] = value;
        }

        public void Append(ReadOnlySpan<byte> bytes)
        {
            if (bytes.Length > Size - _length)
            {
                Flush();
                if (bytes.Length > Size)
                {
                    _hash.Append(bytes);
                    return;
                }
            }

            bytes.CopyTo(_buffer.AsSpan(_length));
            _length += bytes.Length;
        }

        public UInt128 Finish()
        {
            Flush();
            return _hash.GetCurrentHashAsUInt128();
        }

        private void Flush()
        {
            _hash.Append(_buffer.AsSpan(0, _length));
            _length = 0;
        }
    }

    private enum ShapeKind
    {
        Scalar,
        Sequence,
        Object,
    }

    /// <summary>How to walk one type, found once by reflection and then reused.</summary>
    private sealed class TypeShape
    {
        private static int _nextId;

        public required int Id { get; init; }

        public required ShapeKind Kind { get; init; }

        /// <summary>Appends a scalar's value: its bytes (the shape's id says which type they are), or a URI's text.</summary>
        public Action<Sink, object>? Write { get; init; }

        public IReadOnlyList<Func<object, object?>> Getters { get; init; } = [];

        public static TypeShape For(Type type)
        {
            var id = Interlocked.Increment(ref _nextId);
            if (type.IsPrimitive || type.IsEnum || type == typeof(decimal) || type == typeof(DateOnly) || type == typeof(TimeOnly)
                || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeSpan) || type == typeof(Guid)
                || type == typeof(Int128) || type == typeof(UInt128) || type == typeof(Half))
            {
                // The value's own bytes, not its text: no formatting and no string per date or number on
                // every page of every rebuild. 1.5m and 1.50m still differ (a decimal keeps its scale),
                // and a date keeps its kind and offset.
                var write = typeof(TypeShape).GetMethod(nameof(Raw), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(type);
                return new TypeShape { Id = id, Kind = ShapeKind.Scalar, Write = write.CreateDelegate<Action<Sink, object>>() };
            }

            if (type == typeof(Uri))
            {
                return new TypeShape { Id = id, Kind = ShapeKind.Scalar, Write = (hash, value) => Walk(hash, value.ToString(), 1) };
            }

            if (typeof(IEnumerable).IsAssignableFrom(type))
            {
                return new TypeShape { Id = id, Kind = ShapeKind.Sequence };
            }

            // Records and classes: every public instance property, in declaration order, then every
            // public field (tuples have only fields). Records' EqualityContract is protected, so it is
            // not among them.
            var getters = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanRead && p.GetIndexParameters().Length == 0)
                .OrderBy(p => p.MetadataToken)
                .Select(p => Compile(p))
                .Concat(type.GetFields(BindingFlags.Public | BindingFlags.Instance).OrderBy(f => f.MetadataToken).Select(f => Compile(f)))
                .ToList();
            return new TypeShape { Id = id, Kind = ShapeKind.Object, Getters = getters };
        }

        private static void Raw<T>(Sink hash, object value)
            where T : unmanaged
        {
            var unboxed = (T)value;
            hash.Append(MemoryMarshal.AsBytes(new ReadOnlySpan<T>(in unboxed)));
        }

        private static Func<object, object?> Compile(MemberInfo member)
        {
            var instance = Expression.Parameter(typeof(object), "instance");
            var body = Expression.Convert(Expression.MakeMemberAccess(Expression.Convert(instance, member.DeclaringType!), member), typeof(object));
            return Expression.Lambda<Func<object, object?>>(body, instance).Compile();
        }
    }
}
