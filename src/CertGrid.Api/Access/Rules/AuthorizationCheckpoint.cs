using System.Collections;
using CertGrid.Api.GraphQl;
using GraphQL;
using GraphQL.Instrumentation;

namespace CertGrid.Api.Access.Rules;

/// <summary>
/// The one place GraphQL access is decided. Runs before every resolver: reads the field's declared
/// <see cref="FieldAccessRule"/>, refuses (or hides) before anything is loaded when the caller's key cannot qualify,
/// and for ownership rules checks the loaded object before handing it on. A field that declares no rule resolves for
/// nobody (a test walks the schema so none ships without one). Grains still defend their own invariants.
/// </summary>
public sealed class AuthorizationCheckpoint : IFieldMiddleware
{
    public ValueTask<object?> ResolveAsync(IResolveFieldContext context, FieldMiddlewareDelegate next)
    {
        if (IsIntrospection(context))
        {
            return next(context);
        }

        var access = context.FieldDefinition.Access()
            ?? throw new CertGridException(ErrorCode.Forbidden, $"'{context.ParentType.Name}.{context.FieldDefinition.Name}' declares no access rule, so nobody may read it.");
        return access.IsOpen ? next(context) : CheckAsync(context, next, access);
    }

    /// <summary>
    /// The same decision for a subscription's stream, which GraphQL.NET opens without field middleware: refuses before
    /// the stream starts (<see cref="StreamAccess.ResolveAdmittedStream{TSource, TEvent}"/>). Each event then
    /// passes the field's resolver, and so this checkpoint, as any field does.
    /// </summary>
    public static async ValueTask AdmitStreamAsync(IResolveFieldContext context)
    {
        var access = context.FieldDefinition.Access()
            ?? throw new CertGridException(ErrorCode.Forbidden, $"'{context.ParentType.Name}.{context.FieldDefinition.Name}' declares no access rule, so nobody may follow it.");
        if (access.IsOpen)
        {
            return;
        }

        var caller = context.Caller();
        var verdict = access.Rule.Before(caller, context);
        if (verdict is AccessVerdict.Denied or AccessVerdict.DependsOnResult
            || (verdict == AccessVerdict.DependsOnObject && !await access.Rule.AdmitsObjectAsync(caller, context)))
        {
            throw AccessDenied.For(caller, access.Rule.Needs);
        }
    }

    private static async ValueTask<object?> CheckAsync(IResolveFieldContext context, FieldMiddlewareDelegate next, FieldAccessRule access)
    {
        var caller = context.Caller();
        var verdict = access.Rule.Before(caller, context);
        if (verdict == AccessVerdict.Denied || (verdict == AccessVerdict.DependsOnObject && !await access.Rule.AdmitsObjectAsync(caller, context)))
        {
            return Refuse(context, caller, access);
        }

        var result = await next(context);
        if (verdict == AccessVerdict.DependsOnResult && !access.Rule.Admits(caller, result))
        {
            return Refuse(context, caller, access);
        }

        return access.VisibleItem is { } visible && result is IEnumerable items && context.Source is { } source
            ? items.Cast<object>().Where(item => visible(caller, source, item)).ToList()
            : result;
    }

    private static object? Refuse(IResolveFieldContext context, Caller caller, FieldAccessRule access) => access.Denial switch
    {
        AccessDenial.Hide => null,
        AccessDenial.NotFound when caller.Kind == CallerKind.Member => throw CertGridException.NotFound(access.NotFoundWhat!, context.GetArgument<string?>(access.IdArgument!) ?? string.Empty),
        _ => throw AccessDenied.For(caller, access.Rule.Needs),
    };

    private static bool IsIntrospection(IResolveFieldContext context) =>
        context.FieldDefinition.Name.StartsWith("__", StringComparison.Ordinal) || context.ParentType.Name.StartsWith("__", StringComparison.Ordinal);
}
