using Google.Protobuf;

namespace CertGrid.Api.Tests.Observability;

/// <summary>
/// The fields of one protobuf message as they arrive on the wire (field number → raw values), read with
/// Google.Protobuf's <see cref="CodedInputStream"/>. Enough to walk the OTLP messages by their published field
/// numbers (opentelemetry-proto) without generated classes.
/// </summary>
public sealed class ProtoFields
{
    private readonly Dictionary<int, List<object>> _fields = [];

    public ProtoFields(ReadOnlySpan<byte> message)
    {
        var input = new CodedInputStream(message.ToArray());
        uint tag;
        while ((tag = input.ReadTag()) != 0)
        {
            var number = WireFormat.GetTagFieldNumber(tag);
            object value = WireFormat.GetTagWireType(tag) switch
            {
                WireFormat.WireType.Varint => input.ReadUInt64(),
                WireFormat.WireType.Fixed64 => input.ReadFixed64(),
                WireFormat.WireType.Fixed32 => (ulong)input.ReadFixed32(),
                WireFormat.WireType.LengthDelimited => input.ReadBytes().ToByteArray(),
                var other => throw new InvalidDataException($"Unexpected protobuf wire type {other} in field {number}."),
            };
            (_fields.TryGetValue(number, out var values) ? values : _fields[number] = []).Add(value);
        }
    }

    public IEnumerable<ProtoFields> Messages(int number) => Values(number).Cast<byte[]>().Select(bytes => new ProtoFields(bytes));

    public ProtoFields? Message(int number) => Messages(number).FirstOrDefault();

    public string? Text(int number) => Values(number).Cast<byte[]>().Select(bytes => System.Text.Encoding.UTF8.GetString(bytes)).FirstOrDefault();

    public string Hex(int number) => Values(number).Cast<byte[]>().Select(Convert.ToHexStringLower).FirstOrDefault() ?? string.Empty;

    public ulong Number(int number) => Values(number).Cast<ulong>().FirstOrDefault();

    private List<object> Values(int number) => _fields.TryGetValue(number, out var values) ? values : [];
}
