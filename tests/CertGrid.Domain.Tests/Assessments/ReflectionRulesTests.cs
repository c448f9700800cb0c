using CertGrid.Domain.Assessments;

namespace CertGrid.Domain.Tests.Assessments;

public class ReflectionRulesTests
{
    private static readonly ReflectivePrompt[] Prompts =
    [
        new("REASONING", "Why did you choose this design?", "R1", 5),
        new("LESSONS", "What would you do differently?", "R1", 0),
    ];

    [Fact]
    public void Every_prompt_must_be_answered_at_its_length()
    {
        var answers = new[] { new ReflectionAnswer("REASONING", "  Because latency mattered more than cost. "), new ReflectionAnswer("LESSONS", "Measure first.") };
        var valid = ReflectionRules.Validate(Prompts, answers);
        Assert.Equal("Because latency mattered more than cost.", valid[0].Text);

        var missing = Assert.Throws<CertGridException>(() => ReflectionRules.Validate(Prompts, [answers[0]]));
        Assert.Contains("'LESSONS' is required: What would you do differently?", missing.Message, StringComparison.Ordinal);
        var short_ = Assert.Throws<CertGridException>(() => ReflectionRules.Validate(Prompts, [answers[0] with { Text = "Latency." }, answers[1]]));
        Assert.Contains("at least 5 words (it has 1)", short_.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_or_repeated_answers_are_refused()
    {
        var answers = new[] { new ReflectionAnswer("REASONING", "one two three four five"), new ReflectionAnswer("LESSONS", "x") };
        Assert.Throws<CertGridException>(() => ReflectionRules.Validate(Prompts, [.. answers, new ReflectionAnswer("EXTRA", "y")]));
        Assert.Throws<CertGridException>(() => ReflectionRules.Validate(Prompts, [.. answers, answers[1]]));
        var none = Assert.Throws<CertGridException>(() => ReflectionRules.Validate([], answers));
        Assert.Contains("asks for no reflections", none.Message, StringComparison.Ordinal);
        Assert.Empty(ReflectionRules.Validate([], null));
    }
}
