using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;

namespace Gateway.Admin;

/// <summary>Turns the cookie handler's redirects into refusals where a sign-in form cannot help.</summary>
internal static class AdminCookieEvents
{
    public static Task RedirectToSignInAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        var credentials = context.HttpContext.RequestServices.GetRequiredService<AdminCredentials>();
        var wantsHtml = context.Request.Headers.Accept.ToString().Contains("text/html", StringComparison.OrdinalIgnoreCase);

        // Before the first run's setup nobody is admin: this machine's browser is sent to the setup page, anyone else
        // (remote, through a proxy, or a script) is refused. Scripts get a status rather than an HTML page.
        if (!credentials.Exists)
        {
            if (wantsHtml && DirectLoopback.Is(context.HttpContext))
            {
                context.Response.Redirect(AdminAuthentication.SetupPath);
            }
            else
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
            }
        }
        else if (!wantsHtml)
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }

    public static Task AccessDeniedAsync(RedirectContext<CookieAuthenticationOptions> context)
    {
        context.Response.StatusCode = StatusCodes.Status403Forbidden;
        return Task.CompletedTask;
    }
}
