namespace CertGrid.Domain.Tests.Errors;

public class CertGridExceptionTests
{
    [Fact]
    public void Factories_carry_the_matching_code()
    {
        Assert.Equal(ErrorCode.ValidationFailed, CertGridException.Invalid("f", "m").Code);
        Assert.Equal("f", CertGridException.Invalid("f", "m").Field);
        Assert.Equal(ErrorCode.Conflict, CertGridException.Conflict("m").Code);
        Assert.Equal(ErrorCode.PolicyViolation, CertGridException.Policy("m").Code);
        Assert.Equal(ErrorCode.Forbidden, CertGridException.Forbidden("m").Code);
        Assert.Null(CertGridException.Forbidden("m").Field);
    }

    [Fact]
    public void NotFound_names_what_and_which()
    {
        var error = CertGridException.NotFound("Learner", "lrn_abc");

        Assert.Equal(ErrorCode.NotFound, error.Code);
        Assert.Equal("Learner 'lrn_abc' was not found in this community.", error.Message);
    }

    [Fact]
    public void Constructors_without_a_code_are_internal_errors()
    {
        var inner = new InvalidOperationException("boom");

        Assert.Equal(ErrorCode.Internal, new CertGridException().Code);
        Assert.Equal(ErrorCode.Internal, new CertGridException("m").Code);
        var wrapped = new CertGridException("m", inner);
        Assert.Equal(ErrorCode.Internal, wrapped.Code);
        Assert.Same(inner, wrapped.InnerException);
    }

    [Fact]
    public void Every_code_has_its_own_wire_code_and_only_internal_is_the_generic_one()
    {
        var codes = Enum.GetValues<ErrorCode>();
        var wire = codes.Select(c => c.ToWireCode()).ToList();

        Assert.Equal(codes.Length, wire.Distinct(StringComparer.Ordinal).Count());
        Assert.All(wire, w => Assert.Matches("^[A-Z]+(_[A-Z]+)*$", w));
        Assert.Equal("INTERNAL_SERVER_ERROR", ErrorCode.Internal.ToWireCode());
        Assert.Equal("VALIDATION_FAILED", ErrorCode.ValidationFailed.ToWireCode());
        Assert.Equal("INTERNAL_SERVER_ERROR", ((ErrorCode)999).ToWireCode());
    }
}
