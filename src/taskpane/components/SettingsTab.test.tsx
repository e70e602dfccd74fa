/** @jest-environment jsdom */
/** The 设置 tab: bad input is named beside its field and not saved; good input is saved in fen. */
import { fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { DEFAULT_SETTINGS, type AddinSettings } from "../../core/settings/addin-settings";
import { builtInPacks } from "../../core/packs";
import { LangContext } from "../i18n";
import type { SettingsController } from "../use-settings";
import { SettingsTabContainer } from "./SettingsTab";

function controller(saved: AddinSettings = DEFAULT_SETTINGS) {
  const save = jest.fn<Promise<void>, [AddinSettings]>(async () => undefined);
  const c: SettingsController = { settings: saved, loaded: true, problems: [], save };
  return { c, save };
}

function show(c: SettingsController, lang: "zh-CN" | "en" = "zh-CN") {
  return render(
    <FluentProvider theme={webLightTheme}>
      <LangContext.Provider value={lang}>
        <SettingsTabContainer controller={c} />
      </LangContext.Provider>
    </FluentProvider>,
  );
}

const type = (testId: string, value: string) => fireEvent.change(screen.getByTestId(testId), { target: { value } });

describe("SettingsTab", () => {
  it("shows the chosen pack's source, effective date and caps as placeholders", () => {
    const pack = builtInPacks[1];
    const { c } = controller({ ...DEFAULT_SETTINGS, packId: pack.id });
    show(c);
    expect(screen.getByTestId("pack-meta")).toHaveTextContent(pack.source.document);
    expect(screen.getByTestId("pack-meta")).toHaveTextContent(pack.effective);
    const birthday = pack.welfareCaps.birthday;
    if (birthday !== undefined) expect(screen.getByTestId("setting-caps.birthday")).toHaveAttribute("placeholder", String(birthday / 100));
  });

  it("names each invalid field and does not save", async () => {
    const { c, save } = controller();
    show(c);
    type("setting-memberCount", "八十");
    type("setting-caps.birthday", "abc");
    type("setting-thresholdYuan", "五千");
    fireEvent.click(screen.getByTestId("settings-save"));
    const summary = await screen.findByTestId("settings-errors");
    expect(summary).toHaveTextContent("有 3 处需要修改");
    expect(summary).toHaveTextContent("会员人数");
    expect(summary).toHaveTextContent("生日慰问限额");
    expect(summary).toHaveTextContent("单列公开金额");
    expect(screen.queryByText(/NaN/)).toBeNull();
    expect(save).not.toHaveBeenCalled();
    // The message sits beside its own field (Fluent Field renders it after the input).
    const field = screen.getByTestId("setting-memberCount").closest(".fui-Field") as HTMLElement;
    expect(within(field).getByText(/请填写整数/)).toBeInTheDocument();
    // Correcting a field clears its message.
    type("setting-memberCount", "86");
    expect(within(field).queryByText(/整数/)).toBeNull();
  });

  it("saves the settings in fen with the pack chosen", async () => {
    const { c, save } = controller();
    show(c);
    const pack = builtInPacks.find((p) => p.id !== DEFAULT_SETTINGS.packId)!;
    fireEvent.change(screen.getByTestId("setting-packId"), { target: { value: pack.id } });
    type("setting-caps.festival", "800");
    type("setting-tolerancePct", "10");
    type("setting-unionName", "江城机械厂工会");
    type("setting-signatories.auditChair", "李主任");
    type("setting-thresholdYuan", "2,000");
    type("setting-objectionDays", "10");
    type("setting-reviewStatement", "经审查，收支真实。");
    fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(save).toHaveBeenCalledTimes(1));
    const saved = save.mock.calls[0][0];
    expect(saved).toMatchObject({
      packId: pack.id,
      capOverrides: { welfareCaps: { festival: 80000 } },
      overBudgetTolerance: 0.1,
      unionName: "江城机械厂工会",
      signatories: { auditChair: "李主任" },
      thresholdFen: 200000,
      objectionDays: 10,
      reviewStatement: "经审查，收支真实。",
    });
    expect(await screen.findByTestId("settings-saved")).toHaveTextContent("设置已保存");
  });

  it("shows a failed save", async () => {
    const { c, save } = controller();
    save.mockRejectedValueOnce(new Error("工作簿为只读"));
    show(c);
    fireEvent.click(screen.getByTestId("settings-save"));
    expect(await screen.findByTestId("settings-save-error")).toHaveTextContent("工作簿为只读");
  });

  it("speaks English", () => {
    const { c } = controller();
    show(c, "en");
    expect(screen.getByRole("button", { name: "Save settings" })).toBeInTheDocument();
    expect(screen.getByText("Union chair")).toBeInTheDocument();
  });
});
