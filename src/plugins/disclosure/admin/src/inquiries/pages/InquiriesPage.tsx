import { Route, Routes } from 'react-router-dom';
import { InquiryList } from '../components/InquiryList';
import { InquiryView } from '../components/InquiryView';

/** 留言办理: the lists at plugins/disclosure/inquiries, one case at …/inquiries/:id. */
const InquiriesPage = () => (
  <Routes>
    <Route index element={<InquiryList />} />
    <Route path=":id" element={<InquiryView />} />
  </Routes>
);

export default InquiriesPage;
