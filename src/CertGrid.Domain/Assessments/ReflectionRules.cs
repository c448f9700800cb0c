using CertGrid.Domain.Errors;

namespace CertGrid.Domain.Assessments;

/// <summary>A submission answers every reflective prompt of its credential, once, at the length each asks for.</summary>
public static class ReflectionRules
{
    public static IReadOnlyList<ReflectionAnswer> Validate(IReadOnlyList<ReflectivePrompt> prompts, IReadOnlyList<ReflectionAnswer>? answers, string field = "input.reflections")
    {
        var given = answers ?? [];
        InputRules.RequireUnique(given.Select(a => a.PromptCode?.Trim()), $"{field}.promptCode");
        var unknown = given.FirstOrDefault(a => prompts.All(p => p.Code != a.PromptCode?.Trim()));
        if (unknown is not null)
        {
            throw CertGridException.Invalid(field, prompts.Count == 0
                ? "This credential asks for no reflections; leave 'reflections' empty."
                : $"'{unknown.PromptCode}' is not a reflective prompt of this credential. Its prompts are: {string.Join(", ", prompts.Select(p => p.Code))}.");
        }

        var validated = new List<ReflectionAnswer>(prompts.Count);
        foreach (var prompt in prompts)
        {
            var answer = given.FirstOrDefault(a => a.PromptCode?.Trim() == prompt.Code)
                ?? throw CertGridException.Invalid(field, $"Reflection '{prompt.Code}' is required: {prompt.Prompt}");
            var text = InputRules.RequireText(answer.Text, $"{field}.text", InputRules.NoteMaxLength);
            var words = CountWords(text);
            if (words < prompt.MinWords)
            {
                throw CertGridException.Invalid($"{field}.text",
                    $"Reflection '{prompt.Code}' needs at least {prompt.MinWords} words (it has {words}).");
            }

            validated.Add(new ReflectionAnswer(prompt.Code, text));
        }

        return validated;
    }

    public static int CountWords(string text) => text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length;
}
