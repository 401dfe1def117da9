import { encodeImportRows } from '../../nodes/Yunke/shared/contract';
import { encodeBatchRows } from '../../nodes/Yunke/v1/actions/task/import/send';
import { mapItemsToRows } from '../../nodes/Yunke/v1/actions/task/import/rows';

it('a chunk is written exactly as encodeImportRows writes the same rows', () => {
	const columns = [
		{ name: '姓名', key: '姓名', required: false, isPhone: false },
		{ name: '*电话', key: '电话', required: true, isPhone: true },
		{ name: '备注', key: '备注', required: false, isPhone: false },
	];
	const items = [
		{ json: { 姓名: '张三', 电话: '13800000001', 备注: 'a/b "quoted"' } },
		{ json: { 姓名: '李四', 电话: '138-0000-0002' } },
		{ json: { 姓名: '王五', 电话: '13800000003', 备注: '😀' } },
	];
	const ctx = { getNode: () => ({ name: 'Yunke' }) } as never;
	const rows = mapItemsToRows(ctx, items, columns as never, { mappingMode: 'autoMapInputData', ignoreUnknownFields: false });
	expect(rows.phones).toEqual(['13800000001', '13800000002', '13800000003']);
	expect(encodeBatchRows(rows, { start: 1, end: 3 }).text()).toBe(
		encodeImportRows([
			{ 姓名: '李四', 电话: '13800000002', 备注: '' },
			{ 姓名: '王五', 电话: '13800000003', 备注: '😀' },
		]),
	);
	expect(encodeBatchRows(rows, { start: 0, end: 0 }).text()).toBe(encodeImportRows([]));
});
