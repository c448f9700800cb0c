using CertGrid.Domain.Errors;
namespace CertGrid.Domain.ContinuingEducation;

/// <summary>Credit amounts: positive, at most <see cref="Max"/>, in steps of 0.25 (a quarter hour).</summary>
public static class CeCredits
{
    public const decimal Max = 1000m;
    public const decimal Step = 0.25m;

    public static decimal Require(decimal value, string field, decimal min = Step, decimal max = Max)
    {
        if (value < min || value > max || value % Step != 0)
        {
            throw CertGridException.Invalid(field, $"'{field}' must be between {min} and {max} in steps of {Step} (it is {value}).");
        }

        return value;
    }
}
